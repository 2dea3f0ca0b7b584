import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import {
  generateSyntheticMesh,
  syntheticMeshYaml,
} from '../../src/engine/testing/synthetic-mesh.js';
import { SnapshotStoreRepository } from '../../src/modules/snapshots/snapshot-store.repository.js';
import { type TestApp, uniqueEnvironment } from '../setup/test-app.js';
import { ingest } from '../support/ingest-request.js';
import { referenceRows, storedRows } from '../support/stored-rows.js';
import { useTwoTestApps } from '../support/two-test-apps.js';

// Ingests with 500 or more documents the cache has not seen parse inside the store transaction
// while their rows are written in batches (SnapshotIngester.streamed, EarlyWrites): the same rows,
// errors and guarantees as the sequential path, which the other ingest specs cover with smaller
// inputs.

// `two` is a second process: its ingest cache is empty, as after a restart.
const apps = useTwoTestApps();

const CANARY = 'streamed-secret-canary-7c1e';
const mesh = syntheticMeshYaml(generateSyntheticMesh({ size: 'S', seed: 21 }).resources);

function configMaps(count: number, marker: string): string {
  return Array.from(
    { length: count },
    (_, i) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${String(i)}\n  namespace: bulk\ndata:\n  marker: ${marker}-${String(i)}\n`,
  ).join('---\n');
}

const SECRET = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\n  namespace: bulk\nstringData:\n  password: ${CANARY}\n`;
const LARGE = `${mesh}---\n${configMaps(300, 'v1')}---\n${SECRET}`;

/** An ingest that must take the streamed path (storeVersionStreamed called once). */
async function ingestStreamed(app: TestApp, env: string, yaml: string) {
  const spy = vi.spyOn(app.app.get(SnapshotStoreRepository), 'storeVersionStreamed');
  try {
    const res = await ingest(app, env, yaml);
    expect(spy).toHaveBeenCalledTimes(1);
    return res;
  } finally {
    spy.mockRestore();
  }
}

async function blobsContaining(text: string): Promise<number> {
  const [row] = await apps.sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM blob WHERE body::text LIKE ${'%' + text + '%'}`;
  return row?.n ?? 0;
}

async function revisionRows(env: string): Promise<number> {
  const [row] = await apps.sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM resource_revision r JOIN environment e ON e.id = r.environment_id
    WHERE e.name = ${env}`;
  return row?.n ?? 0;
}

describe('large ingest (parse inside the store transaction)', () => {
  it('stores exactly what a full parse gives, Secret values left out, through the streamed path', async () => {
    const env = uniqueEnvironment('large');
    const res = await ingestStreamed(apps.one, env, LARGE);
    expect(res.status).toBe(201);
    expect(res.body.objectCount).toBeGreaterThan(1_000);
    expect(await storedRows(apps.sql, env, 1)).toEqual(referenceRows(LARGE));
    expect(await blobsContaining(CANARY)).toBe(0);
  });

  it('a mid-sized snapshot (600 new documents, three batches) streams too, with exact rows', async () => {
    const env = uniqueEnvironment('mid');
    const text = configMaps(600, 'mid');
    const res = await ingestStreamed(apps.one, env, text);
    expect(res.status).toBe(201);
    expect(res.body.objectCount).toBe(600);
    expect(await storedRows(apps.sql, env, 1)).toEqual(referenceRows(text));
  });

  it('a bad last document rejects the snapshot with its location and leaves nothing behind', async () => {
    const env = uniqueEnvironment('large-bad');
    expect((await ingest(apps.one, env, LARGE)).status).toBe(201);
    const rowsBefore = await revisionRows(env);
    // Over 5,000 new objects (batches of about 650) before the bad one: batches of rows are
    // written (EarlyWrites) before the parse reaches it, and must be rolled back with the rest.
    const bad = `${mesh}---\n${configMaps(4_200, 'rolled-back')}---\nkind: ConfigMap\nmetadata: [not, a, map]\n`;
    // Through the second process: nothing of it is cached there, so it takes the streamed path.
    const res = await ingestStreamed(apps.two, env, bad);
    expect(res.status).toBe(400);
    expect(res.body.error.document).toBeGreaterThan(1_000);
    expect(res.body.error.line).toBeGreaterThan(1);
    expect(await revisionRows(env)).toBe(rowsBefore);
    expect(await blobsContaining('rolled-back-0')).toBe(0);
    const versions = await request(apps.one.server).get(`/api/v1/environments/${env}/versions`);
    expect(versions.body.items).toHaveLength(1);
  });

  it('after a restart, the same content is no new version, and a large change is the next one', async () => {
    const env = uniqueEnvironment('large-restart');
    expect((await ingest(apps.one, env, LARGE)).status).toBe(201);
    const again = await ingest(apps.two, env, LARGE);
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(false);
    const changed = `${mesh}---\n${configMaps(300, 'v2')}---\n${SECRET}`;
    const next = await ingest(apps.two, env, changed);
    expect(next.status).toBe(201);
    expect(next.body.version).toMatchObject({ number: 2, modified: 300, added: 0, removed: 0 });
    expect(await storedRows(apps.sql, env, 2)).toEqual(referenceRows(changed));
    expect(await storedRows(apps.sql, env, 1)).toEqual(referenceRows(LARGE));
  });

  it('concurrent large ingests to one environment get consecutive versions', async () => {
    const env = uniqueEnvironment('large-concurrent');
    const texts = ['a', 'b', 'c'].map((m) => `${mesh}---\n${configMaps(300, m)}`);
    const results = await Promise.all(texts.map((text) => ingest(apps.one, env, text)));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    const numbers = results.map((r) => (r.body.version as { number: number }).number);
    expect([...numbers].sort()).toEqual([1, 2, 3]);
    for (const [i, text] of texts.entries()) {
      expect(await storedRows(apps.sql, env, numbers[i] ?? 0)).toEqual(referenceRows(text));
    }
  });
});
