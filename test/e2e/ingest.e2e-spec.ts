import { join } from 'node:path';
import postgres from 'postgres';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listYamlFiles, readText, relativeToSamples, SAMPLES_DIR } from '../support/corpus.js';
import { startTestApp, type TestApp, uniqueEnvironment } from '../setup/test-app.js';

const BOOKINFO = join(SAMPLES_DIR, 'samples/bookinfo/platform/kube/bookinfo.yaml');
const BOOKINFO_NETWORKING = join(SAMPLES_DIR, 'samples/bookinfo/networking');

let t: TestApp;
let sql: postgres.Sql;

beforeAll(async () => {
  t = await startTestApp();
  sql = postgres(t.databaseUrl, { max: 2, onnotice: () => undefined });
});

afterAll(async () => {
  await sql.end();
  await t.close();
});

function ingestYaml(env: string, yaml: string, query = '') {
  return request(t.server)
    .post(`/api/v1/environments/${env}/versions${query}`)
    .set('content-type', 'application/yaml')
    .send(yaml);
}

async function versionCount(env: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM version v JOIN environment e ON e.id = v.environment_id WHERE e.name = ${env}`;
  return row?.n ?? 0;
}

/**
 * Sample files a real API server refuses too (see src/engine/parse/istio-samples.spec.ts):
 * several DestinationRules share one name; an unquoted `001:db8::` is a mapping in YAML 1.2;
 * `websocketUpgrade` was removed from the API; a resource named `BACKEND` is not lower case.
 */
const LEGITIMATELY_REJECTED: Record<string, string> = {
  'pkg/config/validation/testdata/crds/destinationrule-valid.yaml': 'MESH0004',
  'pkg/config/validation/testdata/crds/serviceentry-valid.yaml': 'MESH0003',
  'tests/testdata/config/rule-websocket-route.yaml': 'MESH0003',
  'tests/testdata/networking/ingress-gateway/configs.yaml': 'MESH0003',
};

describe('ingest of the Istio sample corpus', () => {
  const files = listYamlFiles(SAMPLES_DIR);
  const valid = files.filter(
    (f) =>
      !f.endsWith('-invalid.yaml') && LEGITIMATELY_REJECTED[relativeToSamples(f)] === undefined,
  );
  const refused = Object.entries(LEGITIMATELY_REJECTED);

  it.each(refused)('refuses %s as the API server would (%s)', async (name, code) => {
    const res = await ingestYaml(
      uniqueEnvironment('refused'),
      readText(join(SAMPLES_DIR, name)),
      '?namespace=samples',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.inputCode).toBe(code);
  });
  const invalid = files.filter((f) => f.endsWith('-invalid.yaml'));

  it('stores Bookinfo with metadata and lists it back', async () => {
    const env = uniqueEnvironment('bookinfo');
    const res = await ingestYaml(
      env,
      readText(BOOKINFO),
      '?commit=abc123&author=alice&message=first&source=pr:1&branch=main',
    );
    expect(res.status).toBe(201);
    expect(res.body.created).toBe(true);
    expect(res.body.version).toMatchObject({
      number: 1,
      commit: 'abc123',
      author: 'alice',
      source: 'pr:1',
      branch: 'main',
    });
    expect(res.body.objectCount).toBe(res.body.version.objectCount);
    const objects = await request(t.server).get(
      `/api/v1/environments/${env}/versions/1/objects?kind=Deployment`,
    );
    expect(objects.status).toBe(200);
    expect(objects.body.items.map((o: { name: string }) => o.name)).toEqual([
      'details-v1',
      'productpage-v1',
      'ratings-v1',
      'reviews-v1',
      'reviews-v2',
      'reviews-v3',
    ]);
    expect(objects.body.items.every((o: { namespace: string }) => o.namespace === 'default')).toBe(
      true,
    );
  });

  it.each(valid.map((f) => [relativeToSamples(f), f]))('ingests %s', async (_name, file) => {
    const env = uniqueEnvironment('sample');
    const res = await ingestYaml(env, readText(file), '?namespace=samples');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

  it.each(invalid.map((f) => [relativeToSamples(f), f]))(
    'rejects %s with a located error',
    async (_name, file) => {
      const env = uniqueEnvironment('invalid');
      const text = readText(file)
        .replace(/^_err:.*$/gm, '')
        .replace(/^#_err:.*$/gm, '');
      const res = await ingestYaml(env, text);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        code: 'INVALID_INPUT',
        inputCode: 'MESH0003',
        file: 'body.yaml',
      });
      expect(res.body.error.line).toBeGreaterThan(0);
      expect(typeof res.body.error.path).toBe('string');
      expect(res.body.error.document).toBeGreaterThanOrEqual(0);
      expect(await versionCount(env)).toBe(0);
    },
  );

  it('ingests the Bookinfo networking files as multipart uploads', async () => {
    const env = uniqueEnvironment('multipart');
    let req = request(t.server)
      .post(`/api/v1/environments/${env}/versions`)
      .field('commit', 'c0ffee');
    req = req.attach('files', Buffer.from(readText(BOOKINFO)), 'bookinfo.yaml');
    for (const name of ['bookinfo-gateway.yaml', 'destination-rule-all.yaml']) {
      req = req.attach('files', Buffer.from(readText(join(BOOKINFO_NETWORKING, name))), name);
    }
    const res = await req;
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.version.commit).toBe('c0ffee');
    const dr = await request(t.server).get(
      `/api/v1/environments/${env}/versions/latest/objects/DestinationRule/default/reviews`,
    );
    expect(dr.status).toBe(200);
    expect(dr.body.body.spec.subsets).toHaveLength(3);
  });
});
