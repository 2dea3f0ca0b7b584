// npm run bench:ingest — parse, full ingest and incremental (10-object) ingest on synthetic
// meshes S (1k objects), M (10k) and L (50k, ~50 MB), next to the floor measured in the same run:
// js-yaml parse of the same bytes + COPY of the same rows into tables of the same shape.
// BENCH_SIZES=S,M limits the sizes.
import { performance } from 'node:perf_hooks';
import { loadAll } from 'js-yaml';
import postgres from 'postgres';
import { parseSnapshot, type Resource } from '../src/engine/index.js';
import {
  generateSyntheticMesh,
  type MeshSize,
  syntheticMeshYaml,
} from '../src/engine/testing/synthetic-mesh.js';
import { mutateMesh } from '../src/engine/testing/synthetic-mutations.js';
import { snapshotDigest, toObjectsToStore } from '../src/modules/snapshots/content-hash.js';
import { writeCopyRows } from '../src/modules/snapshots/copy-text.js';
import { SnapshotStoreRepository } from '../src/modules/snapshots/snapshot-store.repository.js';
import type { SqlService } from '../src/platform/database/sql.service.js';
import { openBenchDatabase } from './bench-database.js';

const sizes = (process.env['BENCH_SIZES'] ?? 'S,M,L').split(',') as MeshSize[];

async function time<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

function parse(yaml: string): Resource[] {
  const result = parseSnapshot([{ name: 'mesh.yaml', text: yaml }], {
    defaultNamespace: 'default',
  });
  if (!result.ok) {
    throw new Error(`synthetic mesh did not parse: ${result.error.message}`);
  }
  return result.value.resources;
}

async function floorCopy(sql: postgres.Sql, resources: readonly Resource[]): Promise<number> {
  const objects = toObjectsToStore(resources);
  await sql`DROP TABLE IF EXISTS floor_blob, floor_revision`;
  await sql`CREATE TABLE floor_blob (LIKE blob INCLUDING ALL)`;
  await sql`CREATE TABLE floor_revision (LIKE resource_revision INCLUDING ALL)`;
  const [, ms] = await time(() =>
    sql.begin(async (tx) => {
      await writeCopyRows(
        await tx`COPY floor_blob (hash, body) FROM STDIN`.writable(),
        objects.map((o) => [o.hash, o.canonicalJson]),
      );
      await writeCopyRows(
        await tx`COPY floor_revision (environment_id, object_id, api_group, api_version, kind, namespace, name, known, hash, valid_from, source_file) FROM STDIN`.writable(),
        objects.map((o) => [
          1,
          o.id,
          o.apiGroup,
          o.apiVersion,
          o.kind,
          o.namespace,
          o.name,
          o.known,
          o.hash,
          1,
          o.sourceFile,
        ]),
      );
    }),
  );
  return ms;
}

async function ingest(store: SnapshotStoreRepository, env: string, yaml: string) {
  const [resources, parseMs] = await time(() => parse(yaml));
  const [result, storeMs] = await time(() => {
    const objects = toObjectsToStore(resources);
    return store.storeVersion({
      environment: env,
      metadata: {},
      digest: snapshotDigest(objects),
      objects,
    });
  });
  return { parseMs, storeMs, totalMs: parseMs + storeMs, rows: result.rowsWritten };
}

const fmt = (ms: number): string => `${ms.toFixed(0)} ms`;

const db = await openBenchDatabase();
const sql = postgres(db.url, { max: 4, onnotice: () => undefined });
const store = new SnapshotStoreRepository({ sql } as unknown as SqlService);
try {
  console.log(
    'size | objects | MB | parse | js-yaml | COPY floor | floor total | full ingest | ratio | incr. total | incr. store | rows (full / incr.)',
  );
  for (const size of sizes) {
    const mesh = generateSyntheticMesh({ size, seed: 42 });
    const yaml = syntheticMeshYaml(mesh.resources);
    const mutated = syntheticMeshYaml(mutateMesh(mesh.resources, 10, 7).resources);
    const [, jsYamlMs] = await time(() => loadAll(yaml));
    const copyMs = await floorCopy(sql, parse(yaml));
    const full = await ingest(store, `bench-${size}`, yaml);
    const incremental = await ingest(store, `bench-${size}`, mutated);
    const floor = jsYamlMs + copyMs;
    console.log(
      [
        size,
        mesh.resources.length,
        (Buffer.byteLength(yaml) / 1e6).toFixed(1),
        fmt(full.parseMs),
        fmt(jsYamlMs),
        fmt(copyMs),
        fmt(floor),
        fmt(full.totalMs),
        (full.totalMs / floor).toFixed(2),
        fmt(incremental.totalMs),
        fmt(incremental.storeMs),
        `${full.rows} / ${incremental.rows}`,
      ].join(' | '),
    );
  }
} finally {
  await sql.end();
  await db.close();
}
