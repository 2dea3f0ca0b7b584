import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RetentionService } from '../../src/modules/audit/retention.service.js';
import { readText, SCENARIOS_DIR } from '../support/corpus.js';
import { startTestApp, type TestApp, uniqueEnvironment } from '../setup/test-app.js';

function scenario(folder: string): string {
  const dir = join(SCENARIOS_DIR, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => readText(join(dir, f)))
    .join('\n---\n');
}

const STEPS = [
  '01-canary-10-percent/before',
  '01-canary-10-percent/after',
  '02-blue-green-flip/after',
  '03-mesh-gateway-displaced/after',
  '08-gateway-removed/after',
  '09-service-deleted/after',
  '06-strict-mtls-vs-plaintext-client/after',
].map(scenario);

/** A ConfigMap whose content is unique to this environment and version: its blob is nobody else's. */
function marker(env: string, n: number): string {
  return `\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: marker\n  namespace: default\ndata:\n  stamp: "${env}-${n}"\n`;
}

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

const api = (env: string, path: string) => `/api/v1/environments/${env}${path}`;

async function ingestAll(env: string): Promise<void> {
  for (const [i, body] of STEPS.entries()) {
    const res = await request(t.server)
      .post(api(env, `/versions?author=user${i + 1}&source=pr:${200 + i}`))
      .set('content-type', 'application/yaml')
      .send(body + marker(env, i + 1));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
}

/** Every object of a version, as the API returns it (ids, hashes, temporal bounds, bodies). */
async function contentAt(env: string, version: number): Promise<unknown> {
  const res = await request(t.server).get(api(env, `/objects?version=${version}&limit=500`));
  expect(res.status).toBe(200);
  return res.body.items;
}

async function revisionCount(env: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM resource_revision r JOIN environment e ON e.id = r.environment_id WHERE e.name = ${env}`;
  return row?.n ?? -1;
}

/** Independent of the implementation: rows with no kept version in [valid_from, valid_to). */
async function expectedDeletions(
  env: string,
  kept: number[],
): Promise<{ revisions: number; blobs: number }> {
  const [row] = await sql<{ revisions: number; blobs: number }[]>`
    WITH doomed AS (
      SELECT r.id, r.hash FROM resource_revision r JOIN environment e ON e.id = r.environment_id
      WHERE e.name = ${env}
        AND NOT EXISTS (SELECT 1 FROM unnest(${sql.array(kept, 1007)}::int[]) k
                        WHERE k >= r.valid_from AND (r.valid_to IS NULL OR k < r.valid_to)))
    SELECT (SELECT count(*)::int FROM doomed) AS revisions,
           (SELECT count(DISTINCT d.hash)::int FROM doomed d
            WHERE NOT EXISTS (SELECT 1 FROM resource_revision o WHERE o.hash = d.hash
                              AND o.id NOT IN (SELECT id FROM doomed))
              AND NOT EXISTS (SELECT 1 FROM proposal p WHERE d.hash = ANY(p.object_hashes))) AS blobs`;
  if (row === undefined) {
    throw new Error('no row');
  }
  return row;
}

async function blobExists(hash: string): Promise<boolean> {
  const rows = await sql`SELECT 1 FROM blob WHERE hash = ${hash}`;
  return rows.length === 1;
}

describe('retention', () => {
  it('prunes exactly what the policy says, keeps tagged versions, and leaves as-of reads of kept versions unchanged', async () => {
    const env = uniqueEnvironment('retain');
    await ingestAll(env);
    const before = new Map<number, unknown>();
    for (let n = 1; n <= STEPS.length; n += 1) {
      before.set(n, await contentAt(env, n));
    }
    const markerHash = async (n: number) =>
      (await request(t.server).get(api(env, `/objects/ConfigMap/default/marker?version=${n}`))).body
        .hash as string;
    const markers = await Promise.all(STEPS.map((_, i) => markerHash(i + 1)));

    expect(
      (await request(t.server).put(api(env, '/tags/release-1')).send({ version: 2 })).status,
    ).toBe(201);
    const policy = await request(t.server).put(api(env, '/retention')).send({ keepVersions: 2 });
    expect(policy.body).toMatchObject({ environment: env, keepVersions: 2, keepDays: null });

    const expected = await expectedDeletions(env, [2, 6, 7]);
    const rowsBefore = await revisionCount(env);
    const dry = await request(t.server).post(api(env, '/prune?dryRun=true'));
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      dryRun: true,
      keptVersionCount: 3,
      prunedVersions: [1, 3, 4, 5],
      revisionsDeleted: expected.revisions,
      blobsDeleted: expected.blobs,
    });
    expect(await revisionCount(env)).toBe(rowsBefore); // a dry run changes nothing
    expect(expected.revisions).toBeGreaterThan(0);
    expect(expected.blobs).toBeGreaterThanOrEqual(4); // at least the markers of versions 1, 3, 4, 5

    const real = await request(t.server).post(api(env, '/prune'));
    expect(real.body).toEqual({ ...dry.body, dryRun: false });
    expect(await revisionCount(env)).toBe(rowsBefore - expected.revisions);

    const listed = await request(t.server).get(api(env, '/versions'));
    expect(listed.body.items.map((v: { number: number }) => v.number)).toEqual([7, 6, 2]);
    expect((await request(t.server).get(api(env, '/versions/3'))).status).toBe(404);
    for (const n of [2, 6, 7]) {
      expect(await contentAt(env, n), `as-of read of kept version ${n}`).toEqual(before.get(n));
    }
    // Pruned versions' unique blobs are gone; kept versions' blobs stay.
    for (const [i, hash] of markers.entries()) {
      expect(await blobExists(hash), `marker blob of version ${i + 1}`).toBe(
        [2, 6, 7].includes(i + 1),
      );
    }
    const again = await request(t.server).post(api(env, '/prune'));
    expect(again.body).toMatchObject({ prunedVersions: [], revisionsDeleted: 0, blobsDeleted: 0 });
  });

  it('resolves asOf to the newest kept version and tells pruned changes apart in history', async () => {
    const env = uniqueEnvironment('retain-hist');
    await ingestAll(env);
    const times = (await request(t.server).get(api(env, '/versions?limit=10'))).body.items.map(
      (v: { number: number; createdAt: string }) => [v.number, v.createdAt] as const,
    );
    const createdAt = new Map<number, string>(times);
    await request(t.server).put(api(env, '/tags/release-1?version=2'));
    await request(t.server).put(api(env, '/retention')).send({ keepVersions: 2 });
    await request(t.server).post(api(env, '/prune'));

    const asOf = await request(t.server).get(
      api(env, `/objects?asOf=${encodeURIComponent(createdAt.get(4) ?? '')}&kind=VirtualService`),
    );
    expect(asOf.body.version.number).toBe(2);

    // VirtualService reviews: rows [1,2) [2,3) [3,4) [4,5) [5,-); only [2,3) and [5,-) are seen by 2, 6, 7.
    const history = await request(t.server).get(
      api(env, '/history/objects/VirtualService/default/reviews'),
    );
    expect(
      history.body.items.map(
        (i: {
          version: { number: number; isPruned: boolean };
          change: string;
          spansPrunedVersions: boolean;
        }) => [i.version.number, i.change, i.version.isPruned, i.spansPrunedVersions],
      ),
    ).toEqual([
      [5, 'modified', true, true],
      [2, 'added', false, true],
    ]);
    expect(history.body.items[0].version).toMatchObject({ author: null, createdAt: null });
    expect(history.body.items[0].fields).toContainEqual({
      path: 'spec.http[0].route[1]',
      before: { weight: 10, destination: { host: 'reviews', subset: 'v2' } },
    });
  });

  it('keeps versions younger than D days (GraphQL policy and prune)', async () => {
    const env = uniqueEnvironment('retain-days');
    for (const [i, body] of STEPS.slice(0, 4).entries()) {
      await request(t.server)
        .post(api(env, '/versions'))
        .set('content-type', 'application/yaml')
        .send(body);
      const ageHours = [240, 120, 48, 1][i] ?? 0;
      await sql`UPDATE version SET created_at = now() - make_interval(hours => ${ageHours})
                WHERE number = ${i + 1} AND environment_id = (SELECT id FROM environment WHERE name = ${env})`;
    }
    const gql = (query: string) =>
      request(t.server)
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query, variables: { env } });
    const set = await gql(
      `mutation($env: String!) { setRetentionPolicy(environment: $env, input: { keepDays: 3 }) { keepDays keepVersions } }`,
    );
    expect(set.body.data.setRetentionPolicy).toEqual({ keepDays: 3, keepVersions: null });
    const dry = await gql(
      `mutation($env: String!) { pruneVersions(environment: $env, dryRun: true) { dryRun prunedVersions keptVersionCount policy { keepDays } } }`,
    );
    expect(dry.body.data.pruneVersions).toEqual({
      dryRun: true,
      prunedVersions: [1, 2],
      keptVersionCount: 2,
      policy: { keepDays: 3 },
    });
    const res = await gql(
      `mutation($env: String!) { pruneVersions(environment: $env) { prunedVersions revisionsDeleted } }`,
    );
    expect(res.body.data.pruneVersions.prunedVersions).toEqual([1, 2]);
    const read = await gql(
      `query($env: String!) { retentionPolicy(environment: $env) { keepDays } versions(environment: $env) { totalCount } }`,
    );
    expect(read.body.data).toEqual({
      retentionPolicy: { keepDays: 3 },
      versions: { totalCount: 2 },
    });
  });

  it('applyRetention (for callers after an ingest) is a no-op without a policy and prunes with one', async () => {
    const env = uniqueEnvironment('retain-hook');
    const retention = t.app.get(RetentionService);
    for (const body of STEPS.slice(0, 3)) {
      await request(t.server)
        .post(api(env, '/versions'))
        .set('content-type', 'application/yaml')
        .send(body);
    }
    expect(await retention.applyRetention(env)).toBeNull();
    await retention.setPolicy(env, { keepVersions: 2, keepDays: null });
    const report = await retention.applyRetention(env);
    expect(report).toMatchObject({ prunedVersions: [1], keptVersionCount: 2, dryRun: false });
  });

  it('diffs from the newest kept version before the target once the previous one was pruned', async () => {
    const env = uniqueEnvironment('retain-diff');
    for (const body of STEPS.slice(0, 3)) {
      const res = await request(t.server)
        .post(api(env, '/versions'))
        .set('content-type', 'application/yaml')
        .send(body);
      expect(res.status).toBe(201);
    }
    await request(t.server).put(api(env, '/tags/keep-1?version=1'));
    await request(t.server).put(api(env, '/retention')).send({ keepVersions: 1 });
    const pruned = await request(t.server).post(api(env, '/prune'));
    expect(pruned.body).toMatchObject({ prunedVersions: [2] });

    for (const path of ['/diff', '/diff?to=3']) {
      const res = await request(t.server).get(api(env, path));
      expect(res.status, `${path}: ${res.text}`).toBe(200);
      expect(res.body.base).toEqual({ environment: env, version: 1 });
      expect(res.body.target).toEqual({ environment: env, version: 3 });
    }
    const graphql = await request(t.server).post('/graphql').send({
      query: 'query($env: String!) { diff(environment: $env) { base target } }',
      variables: { env },
    });
    expect(graphql.body.errors).toBeUndefined();
    expect(graphql.body.data.diff.base).toEqual({ environment: env, version: 1 });

    // No kept version before the target: the base is the empty snapshot (version 0).
    await request(t.server).delete(api(env, '/tags/keep-1'));
    expect((await request(t.server).post(api(env, '/prune'))).body.prunedVersions).toEqual([1]);
    const fromEmpty = await request(t.server).get(api(env, '/diff'));
    expect(fromEmpty.status, fromEmpty.text).toBe(200);
    expect(fromEmpty.body.base).toEqual({ environment: env, version: 0 });
    expect(fromEmpty.body.summary.resourcesChanged).toBeGreaterThan(0);
  });

  it('with no policy, prune removes nothing', async () => {
    const env = uniqueEnvironment('retain-none');
    await request(t.server)
      .post(api(env, '/versions'))
      .set('content-type', 'application/yaml')
      .send(STEPS[0]);
    await request(t.server)
      .post(api(env, '/versions'))
      .set('content-type', 'application/yaml')
      .send(STEPS[1]);
    const res = await request(t.server).post(api(env, '/prune'));
    expect(res.body).toEqual({
      environment: env,
      dryRun: false,
      policy: null,
      keptVersionCount: 2,
      prunedVersions: [],
      revisionsDeleted: 0,
      blobsDeleted: 0,
    });
  });
});

describe('tags and policy API', () => {
  it('creates, moves, lists and removes tags with clear errors', async () => {
    const env = uniqueEnvironment('tags');
    await request(t.server)
      .post(api(env, '/versions'))
      .set('content-type', 'application/yaml')
      .send(STEPS[0]);
    await request(t.server)
      .post(api(env, '/versions'))
      .set('content-type', 'application/yaml')
      .send(STEPS[1]);
    expect((await request(t.server).put(api(env, '/tags/v-one')).send({ version: 1 })).status).toBe(
      201,
    );
    expect((await request(t.server).put(api(env, '/tags/v-one')).send({ version: 1 })).status).toBe(
      200,
    );
    const moved = await request(t.server).put(api(env, '/tags/v-one?version=2'));
    expect(moved.body).toMatchObject({ tag: 'v-one', version: 2 });
    const listed = await request(t.server).get(api(env, '/tags'));
    expect(
      listed.body.map((tag: { tag: string; version: number }) => [tag.tag, tag.version]),
    ).toEqual([['v-one', 2]]);
    expect(
      (await request(t.server).put(api(env, '/tags/x')).send({ version: 9 })).body.error.code,
    ).toBe('VERSION_NOT_FOUND');
    expect(
      (await request(t.server).put(api(env, '/tags/bad%20name')).send({ version: 1 })).status,
    ).toBe(400);
    expect((await request(t.server).put(api(env, '/tags/x')).send('not json')).status).toBe(400);
    expect((await request(t.server).delete(api(env, '/tags/v-one'))).status).toBe(204);
    const missing = await request(t.server).delete(api(env, '/tags/v-one'));
    expect([missing.status, missing.body.error.code]).toEqual([404, 'TAG_NOT_FOUND']);
    const gql = await request(t.server)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({
        query: `mutation($env: String!) { tagVersion(environment: $env, tag: "g", version: 1) { tag version } }`,
        variables: { env },
      });
    expect(gql.body.data.tagVersion).toEqual({ tag: 'g', version: 1 });
  });

  it('validates, reads and removes a retention policy', async () => {
    const env = uniqueEnvironment('policy');
    await request(t.server)
      .post(api(env, '/versions'))
      .set('content-type', 'application/yaml')
      .send(STEPS[0]);
    expect((await request(t.server).get(api(env, '/retention'))).body).toEqual({
      environment: env,
      keepVersions: null,
      keepDays: null,
      updatedAt: null,
    });
    expect((await request(t.server).put(api(env, '/retention')).send({})).status).toBe(400);
    expect(
      (await request(t.server).put(api(env, '/retention')).send({ keepVersions: -1 })).status,
    ).toBe(400);
    expect(
      (await request(t.server).put(api(env, '/retention')).send({ keepDays: 'ten' })).status,
    ).toBe(400);
    const set = await request(t.server)
      .put(api(env, '/retention'))
      .send({ keepVersions: 10, keepDays: 30 });
    expect(set.body).toMatchObject({ keepVersions: 10, keepDays: 30 });
    expect((await request(t.server).delete(api(env, '/retention'))).status).toBe(204);
    expect((await request(t.server).get(api(env, '/retention'))).body.keepVersions).toBeNull();
    expect((await request(t.server).get(api('nope-env', '/retention'))).status).toBe(404);
  });
});
