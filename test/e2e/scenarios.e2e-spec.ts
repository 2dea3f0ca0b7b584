import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/platform/project-root.js';
import { folderYaml, SCENARIOS_DIR } from '../support/corpus.js';
import {
  expectReportToMatchScenario,
  type ScenarioExpectation,
} from '../support/scenario-expectations.js';
import { startTestApp, type TestApp, uniqueEnvironment } from '../setup/test-app.js';

// Acceptance: every shared scenario through the CLI and through the REST API, compared with its
// expected.json by the rules of contracts/impact-report.md ("Acceptance scenarios"); then the
// project's own scenarios (test/scenarios, same format) the same way.
const OWN_SCENARIOS_DIR = join(projectRoot(), 'test', 'scenarios');
const scenarios = [
  ...readdirSync(SCENARIOS_DIR)
    .sort()
    .map((name) => ({ label: name, dir: join(SCENARIOS_DIR, name) })),
  ...readdirSync(OWN_SCENARIOS_DIR)
    .sort()
    .map((name) => ({ label: `own/${name}`, dir: join(OWN_SCENARIOS_DIR, name) })),
];
const CLI = join(projectRoot(), 'src', 'cli', 'main.ts');
// The CLI from source (tsx), so the test never runs a stale dist/.
const TSX = pathToFileURL(join(projectRoot(), 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

function expectationOf(dir: string): ScenarioExpectation {
  return JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as ScenarioExpectation;
}

function runCli(cwd: string, args: string[]) {
  const result = spawnSync(process.execPath, ['--import', TSX, CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** form-data keeps a relative upload path with `filepath` (superagent's types omit it). */
function keepPath(path: string): { filename?: string } {
  return { filepath: path } as { filename?: string };
}

function folderFiles(dir: string): { name: string; text: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe.each(scenarios)('scenario $label', ({ label, dir }) => {
  const expected = expectationOf(dir);

  it('through the CLI (meshlens impact --before --after --format json)', () => {
    const run = runCli(dir, [
      'impact',
      '--before',
      'before',
      '--after',
      'after',
      '--format',
      'json',
    ]);
    const body = JSON.parse(run.stdout) as { error?: { file: string; line: number } };
    if (expected.error) {
      expect(run.status, run.stderr).toBe(2);
      expect(body.error?.file).toBe(expected.error.file);
      expect(expected.error.lines).toContain(body.error?.line);
      return;
    }
    expect(run.status, run.stderr).toBe(1); // changes
    expectReportToMatchScenario(body as never, expected);
  });

  it('through the REST API (ingest before, POST /impact with after)', async () => {
    const env = uniqueEnvironment(label.replace('/', '-').slice(0, 12));
    let ingest = request(t.server).post(`/api/v1/environments/${env}/versions`);
    for (const f of folderFiles(join(dir, 'before'))) {
      ingest = ingest.attach('files', Buffer.from(f.text), keepPath(`before/${f.name}`));
    }
    expect((await ingest).status).toBe(201);
    let impact = request(t.server).post(`/api/v1/environments/${env}/impact`);
    for (const f of folderFiles(join(dir, 'after'))) {
      impact = impact.attach('files', Buffer.from(f.text), keepPath(`after/${f.name}`));
    }
    const res = await impact;
    if (expected.error) {
      expect(res.status).toBe(400);
      expect(res.body.error.file).toBe(expected.error.file);
      expect(expected.error.lines).toContain(res.body.error.line);
      return;
    }
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.base).toEqual({ environment: env, version: 1 });
    expectReportToMatchScenario(res.body, expected);
  });
});

// contracts: the same input gives byte-identical output, so a report served from the report
// cache must be the very text of the freshly computed one (key order included).
describe('report cache', () => {
  const scenario = join(SCENARIOS_DIR, '01-canary-10-percent');
  /** A ConfigMap unique to this run, so the first call cannot find another test's cached report. */
  const marker = (env: string) =>
    `\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: marker\n  namespace: default\ndata:\n  stamp: "${env}"\n`;

  async function ingestBeforeAndAfter(env: string): Promise<void> {
    for (const side of ['before', 'after']) {
      const res = await request(t.server)
        .post(`/api/v1/environments/${env}/versions`)
        .set('content-type', 'application/yaml')
        .send(folderYaml(join(scenario, side)) + marker(env));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
  }

  it('a cached diff is byte-identical to the computed one (REST and GraphQL json)', async () => {
    const env = uniqueEnvironment('cache-diff');
    await ingestBeforeAndAfter(env);
    const diff = `/api/v1/environments/${env}/diff`;
    const miss = await request(t.server).get(diff);
    expect(miss.status, miss.text).toBe(200);
    expect(miss.headers['x-meshlens-cache']).toBe('miss');
    expect(miss.text.startsWith('{"schemaVersion":1,"base":')).toBe(true);
    const hit = await request(t.server).get(diff);
    expect(hit.headers['x-meshlens-cache']).toBe('hit');
    expect(hit.text).toBe(miss.text);

    const query = {
      query: 'query($env: String!) { diff(environment: $env) { json } }',
      variables: { env },
    };
    const graphql = await request(t.server).post('/graphql').send(query);
    expect(graphql.body.errors).toBeUndefined();
    expect(JSON.stringify(graphql.body.data.diff.json)).toBe(miss.text);
  });

  it('a cached impact report is byte-identical to the computed one', async () => {
    const env = uniqueEnvironment('cache-impact');
    const ingest = await request(t.server)
      .post(`/api/v1/environments/${env}/versions`)
      .set('content-type', 'application/yaml')
      .send(folderYaml(join(scenario, 'before')) + marker(env));
    expect(ingest.status).toBe(201);
    const propose = () =>
      request(t.server)
        .post(`/api/v1/environments/${env}/impact`)
        .set('content-type', 'application/yaml')
        .send(folderYaml(join(scenario, 'after')) + marker(env));
    const miss = await propose();
    expect(miss.status, miss.text).toBe(200);
    expect(miss.headers['x-meshlens-cache']).toBe('miss');
    expect(miss.text.startsWith('{"schemaVersion":1,"base":')).toBe(true);
    const hit = await propose();
    expect(hit.headers['x-meshlens-cache']).toBe('hit');
    expect(hit.text).toBe(miss.text);
  });
});

// SARIF annotations of a PR bot land on a finding's line: the field's line in the proposed files.
describe('lines of the findings of POST /impact', () => {
  it('are the lines of the fields in the proposed files, not of their objects', async () => {
    const dir = join(SCENARIOS_DIR, '04-subset-label-drift');
    const env = uniqueEnvironment('impact-lines');
    const ingest = await request(t.server)
      .post(`/api/v1/environments/${env}/versions`)
      .set('content-type', 'application/yaml')
      .send(folderYaml(join(dir, 'before')));
    expect(ingest.status, ingest.text).toBe(201);
    let impact = request(t.server).post(`/api/v1/environments/${env}/impact`);
    for (const f of folderFiles(join(dir, 'after'))) {
      impact = impact.attach('files', Buffer.from(f.text), keepPath(`after/${f.name}`));
    }
    const res = await impact;
    expect(res.status, res.text).toBe(200);
    const findings = res.body.findings.introduced as {
      resource: { kind: string };
      path: string;
      line?: number;
    }[];
    const subset = findings.find(
      (f) => f.resource.kind === 'DestinationRule' && f.path === 'spec.subsets[0]',
    );
    expect(subset?.line).toBe(21); // the object starts on line 13 of after/30-destination-rules.yaml
  });
});
