import { join } from 'node:path';
import postgres from 'postgres';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readText, SAMPLES_DIR, SCENARIOS_DIR } from '../support/corpus.js';
import { startTestApp, type TestApp, uniqueEnvironment } from '../setup/test-app.js';

const BOOKINFO = readText(join(SAMPLES_DIR, 'samples/bookinfo/platform/kube/bookinfo.yaml'));

let t: TestApp;
let sql: postgres.Sql;

beforeAll(async () => {
  t = await startTestApp();
  sql = postgres(t.databaseUrl, { max: 4, onnotice: () => undefined });
});

afterAll(async () => {
  await sql.end();
  await t.close();
});

function ingestYaml(env: string, yaml: string) {
  return request(t.server)
    .post(`/api/v1/environments/${env}/versions`)
    .set('content-type', 'application/yaml')
    .send(yaml);
}

async function rowCounts(env: string) {
  const [row] = await sql<{ versions: number; revisions: number; blobs: number }[]>`
    SELECT (SELECT count(*)::int FROM version v JOIN environment e ON e.id = v.environment_id WHERE e.name = ${env}) AS versions,
           (SELECT count(*)::int FROM resource_revision r JOIN environment e ON e.id = r.environment_id WHERE e.name = ${env}) AS revisions,
           (SELECT count(*)::int FROM blob) AS blobs`;
  if (row === undefined) {
    throw new Error('no counts');
  }
  return row;
}

describe('versioning', () => {
  it('re-ingesting identical content creates no version and says so', async () => {
    const env = uniqueEnvironment('idem');
    const first = await ingestYaml(env, BOOKINFO);
    expect(first.status).toBe(201);
    const before = await rowCounts(env);
    // Same objects, different order and formatting: still identical content.
    const reordered = BOOKINFO.split(/^---$/m).reverse().join('\n---\n');
    const second = await ingestYaml(env, reordered);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ created: false, rowsWritten: 0, version: { number: 1 } });
    expect(second.body.message).toContain('identical to version 1');
    expect(await rowCounts(env)).toEqual(before);
  });

  it("a one-object change writes only that object's rows", async () => {
    const env = uniqueEnvironment('delta');
    expect((await ingestYaml(env, BOOKINFO)).status).toBe(201);
    const before = await rowCounts(env);
    const changed = BOOKINFO.replace(
      'name: reviews-v3\n',
      'name: reviews-v3\n  annotations:\n    meshlens.test/changed: "yes"\n',
    );
    expect(changed).not.toBe(BOOKINFO);
    const res = await ingestYaml(env, changed);
    expect(res.status).toBe(201);
    expect(res.body.version).toMatchObject({ number: 2, added: 0, modified: 1, removed: 0 });
    const after = await rowCounts(env);
    expect(after.versions - before.versions).toBe(1);
    expect(after.revisions - before.revisions).toBe(1); // one new revision row
    expect(after.blobs - before.blobs).toBe(1); // one new content blob
    const [closed] = await sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM resource_revision r JOIN environment e ON e.id = r.environment_id
      WHERE e.name = ${env} AND r.valid_to = 2`;
    expect(closed?.n).toBe(1); // one revision closed
    expect(res.body.rowsWritten).toBe(4); // blob + new revision + closed revision + version
    // The old version still reads as it was.
    const v1 = await request(t.server).get(
      `/api/v1/environments/${env}/versions/1/objects/Deployment/default/reviews-v3`,
    );
    expect(v1.body.body.metadata.annotations).toBeUndefined();
    const v2 = await request(t.server).get(
      `/api/v1/environments/${env}/versions/2/objects/Deployment/default/reviews-v3`,
    );
    expect(v2.body.body.metadata.annotations).toEqual({ 'meshlens.test/changed': 'yes' });
  });

  it('removing an object closes its revision and the old version still holds it', async () => {
    const env = uniqueEnvironment('remove');
    expect((await ingestYaml(env, BOOKINFO)).status).toBe(201);
    const docs = BOOKINFO.split(/^---$/m);
    const withoutRatingsService = docs
      .filter((d) => !d.includes('kind: Service\nmetadata:\n  name: ratings\n'))
      .join('---');
    const res = await ingestYaml(env, withoutRatingsService);
    expect(res.body.version).toMatchObject({ number: 2, removed: 1, added: 0, modified: 0 });
    expect(
      (
        await request(t.server).get(
          `/api/v1/environments/${env}/versions/2/objects/Service/default/ratings`,
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await request(t.server).get(
          `/api/v1/environments/${env}/versions/1/objects/Service/default/ratings`,
        )
      ).status,
    ).toBe(200);
  });

  it('20 parallel ingests to one environment get versions 1..20 with no gap or duplicate', async () => {
    const env = uniqueEnvironment('parallel');
    const bodies = Array.from(
      { length: 20 },
      (_, i) =>
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: run\n  namespace: default\ndata:\n  n: "${i}"\n`,
    );
    const results = await Promise.all(bodies.map((b) => ingestYaml(env, b)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const numbers = results.map((r) => r.body.version.number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const stored = await sql<{ number: number }[]>`
      SELECT v.number FROM version v JOIN environment e ON e.id = v.environment_id WHERE e.name = ${env} ORDER BY 1`;
    expect(stored.map((r) => r.number)).toEqual(numbers);
    // Each version holds exactly one ConfigMap revision.
    const open = await sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM resource_revision r JOIN environment e ON e.id = r.environment_id
      WHERE e.name = ${env} AND r.valid_to IS NULL`;
    expect(open[0]?.n).toBe(1);
  });

  it('malformed YAML is a located 400 and stores nothing', async () => {
    const env = uniqueEnvironment('malformed');
    expect((await ingestYaml(env, BOOKINFO)).status).toBe(201);
    const before = await rowCounts(env);
    const broken = readText(join(SCENARIOS_DIR, '11-malformed-input/after/99-broken.yaml'));
    const res = await ingestYaml(env, `${BOOKINFO}\n---\n${broken}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_INPUT');
    expect(res.body.error.file).toBe('body.yaml');
    expect(res.body.error.line).toBeGreaterThan(BOOKINFO.split('\n').length);
    expect(await rowCounts(env)).toEqual(before);
  });

  it('one schema-invalid document rejects the whole snapshot', async () => {
    const env = uniqueEnvironment('schema');
    const bad =
      'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: bad\nspec:\n  host: reviews\n  trafficPolicy:\n    tls:\n      mode: BOGUS\n';
    const res = await ingestYaml(env, `${BOOKINFO}\n---\n${bad}`);
    expect(res.status).toBe(400);
    expect(res.body.error.path).toBe('spec.trafficPolicy.tls.mode');
    expect(res.body.error.message).toContain('Unsupported value: "BOGUS"');
    expect(res.body.error.line).toBeGreaterThan(BOOKINFO.split('\n').length);
    const envs = await request(t.server).get(`/api/v1/environments/${env}/versions`);
    expect(envs.status === 404 || envs.body.totalCount === 0).toBe(true);
  });
});
