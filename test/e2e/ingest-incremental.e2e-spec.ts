import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { parseSnapshot } from '../../src/engine/index.js';
import {
  generateSyntheticMesh,
  syntheticMeshYaml,
} from '../../src/engine/testing/synthetic-mesh.js';
import { mutateMesh } from '../../src/engine/testing/synthetic-mutations.js';
import { snapshotDigest, toObjectsToStore } from '../../src/modules/snapshots/content-hash.js';
import { IngestCache } from '../../src/modules/snapshots/ingest-cache.js';
import { SnapshotStoreRepository } from '../../src/modules/snapshots/snapshot-store.repository.js';
import { uniqueEnvironment } from '../setup/test-app.js';
import { ingest } from '../support/ingest-request.js';
import { referenceRows, storedRows } from '../support/stored-rows.js';
import { useTwoTestApps } from '../support/two-test-apps.js';

// Two app instances on one database: each has its own in-process ingest cache, as two replicas.
const apps = useTwoTestApps();

const mesh = generateSyntheticMesh({ size: 'S', seed: 11 });
const V1 = syntheticMeshYaml(mesh.resources);
const V2 = syntheticMeshYaml(mutateMesh(mesh.resources, 10, 1).resources);
const V3 = syntheticMeshYaml(mutateMesh(mesh.resources, 10, 2).resources);

describe('incremental ingest', () => {
  it('stores exactly what a full ingest stores (same digest, same rows)', async () => {
    const env = uniqueEnvironment('incr');
    expect((await ingest(apps.one, env, V1)).status).toBe(201);
    const second = await ingest(apps.one, env, V2);
    expect(second.status).toBe(201);
    expect(await storedRows(apps.sql, env, 2)).toEqual(referenceRows(V2));
    expect(await storedRows(apps.sql, env, 1)).toEqual(referenceRows(V1));
    // Only the changed objects were written: a blob, a new row and a closed row each, plus the version.
    const { modified, added, removed } = second.body.version as {
      modified: number;
      added: number;
      removed: number;
    };
    expect(added + removed).toBe(0);
    expect(modified).toBeGreaterThan(0);
    expect(second.body.rowsWritten).toBeLessThanOrEqual(3 * modified + 1);
  });

  it('re-ingesting after a small change and back gives the first digest again', async () => {
    const env = uniqueEnvironment('incr-back');
    await ingest(apps.one, env, V1);
    await ingest(apps.one, env, V2);
    const back = await ingest(apps.one, env, V1);
    expect(back.status).toBe(201);
    expect(back.body.version.digest).toBe(referenceRows(V1).digest);
    expect(await ingest(apps.one, env, V1)).toMatchObject({ status: 200 });
  });

  it('a version written by another app instance makes the cache stale: rows still exact', async () => {
    const env = uniqueEnvironment('incr-stale');
    expect((await ingest(apps.one, env, V1)).status).toBe(201); // instance one caches version 1
    expect((await ingest(apps.two, env, V2)).status).toBe(201); // instance two writes version 2
    const third = await ingest(apps.one, env, V3); // one's cache says 1, the database says 2
    expect(third.status).toBe(201);
    expect(third.body.version.number).toBe(3);
    expect(await storedRows(apps.sql, env, 3)).toEqual(referenceRows(V3));
    expect(await storedRows(apps.sql, env, 2)).toEqual(referenceRows(V2));
  });

  it('a stale cache re-parses cached documents it must write back (written through the repository)', async () => {
    const env = uniqueEnvironment('incr-repo');
    expect((await ingest(apps.one, env, V1)).status).toBe(201); // every document of V1 cached in one
    const parsed = parseSnapshot([{ name: 'other.yaml', text: V2 }], {
      defaultNamespace: 'default',
    });
    if (!parsed.ok) {
      throw new Error(parsed.error.message);
    }
    const objects = toObjectsToStore(parsed.value.resources);
    const repository = apps.one.app.get(SnapshotStoreRepository);
    await repository.storeVersion({
      environment: env,
      metadata: {},
      digest: snapshotDigest(objects),
      objects,
    });
    // V1 again: all its documents are cached, but version 2 changed some of their objects, which
    // must be written back from documents this ingest did not parse.
    const back = await ingest(apps.one, env, V1);
    expect(back.status).toBe(201);
    expect(back.body.version.number).toBe(3);
    expect(back.body.version.modified).toBeGreaterThan(0);
    expect(await storedRows(apps.sql, env, 3)).toEqual(referenceRows(V1));
  });

  it('a changed default namespace re-parses documents that carry none', async () => {
    const env = uniqueEnvironment('incr-ns');
    const doc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';
    expect((await ingest(apps.one, env, doc, '?namespace=alpha')).status).toBe(201);
    const moved = await ingest(apps.one, env, doc, '?namespace=beta');
    expect(moved.status).toBe(201);
    expect(moved.body.version).toMatchObject({ added: 1, removed: 1, modified: 0 });
    expect(await storedRows(apps.sql, env, 2)).toEqual(referenceRows(doc, 'beta'));
  });

  it('a duplicate object across a cached and a new document is refused as by a full parse', async () => {
    const env = uniqueEnvironment('incr-dup');
    const doc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';
    expect((await ingest(apps.one, env, doc)).status).toBe(201);
    const res = await ingest(apps.one, env, `${doc}---\n${doc}`);
    expect(res.status).toBe(400);
    expect(res.body.error.inputCode).toBe('MESH0004');
    expect(res.body.error.document).toBe(1);
  });

  it('keeps no Secret in the cache, and still sees a Secret change', async () => {
    const env = uniqueEnvironment('incr-secret');
    const secret = (data: string) =>
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\ndata:\n${data}`;
    const other = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';
    // Two files: runs of documents never span files, so the Service's run holds no Secret.
    const send = (data: string) =>
      request(apps.one.server)
        .post(`/api/v1/environments/${env}/versions`)
        .attach('files', Buffer.from(other), 'a.yaml')
        .attach('files', Buffer.from(secret(data)), 'b.yaml');
    expect((await send('  a: c2VjcmV0\n')).status).toBe(201);
    const entry = apps.one.app.get(IngestCache).get(env);
    const kinds = [...(entry?.runs.values() ?? [])].flatMap((run) =>
      run.flatMap((u) => u.objects.map((o) => o.kind)),
    );
    expect(kinds).toEqual(['Service']);
    const changed = await send('  a: c2VjcmV0\n  b: eA==\n');
    expect(changed.body.version).toMatchObject({ number: 2, modified: 1 });
  });
});
