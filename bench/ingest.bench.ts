// npm run bench:ingest — parse, full ingest and incremental (10-object) ingest on synthetic
// meshes S (1k objects), M (10k) and L (50k, ~50 MB), next to the floor measured in the same run:
// js-yaml parse of the same bytes + COPY of the same rows into tables of the same shape (indexes
// and the revision -> blob foreign key included).
// BENCH_SIZES=S,M limits the sizes. Each size is repeated on emptied tables and the best time of
// each column kept (the build machine is shared: one js-yaml parse of S took 42 to 81 ms); the runs
// default to 10 at S, 4 at M and 2 at L, about 5, 20 and 40 s; BENCH_RUNS=N sets them all.
import { performance } from 'node:perf_hooks';
import { loadAll } from 'js-yaml';
import type postgres from 'postgres';
import { parseSnapshot, type Resource } from '../src/engine/index.js';
import {
  generateSyntheticMesh,
  type MeshSize,
  syntheticMeshYaml,
} from '../src/engine/testing/synthetic-mesh.js';
import { mutateMesh } from '../src/engine/testing/synthetic-mutations.js';
import { toObjectsToStore } from '../src/modules/snapshots/content-hash.js';
import { writeCopyRows } from '../src/modules/snapshots/copy-text.js';
import { IngestCache } from '../src/modules/snapshots/ingest-cache.js';
import { SnapshotIngester } from '../src/modules/snapshots/snapshot-ingester.js';
import { SnapshotStoreRepository } from '../src/modules/snapshots/snapshot-store.repository.js';
import type { SqlService } from '../src/platform/database/sql.service.js';
import { createPostgresClient } from '../src/platform/database/postgres-client.js';
import { openBenchDatabase } from './bench-database.js';

const sizes = (process.env['BENCH_SIZES'] ?? 'S,M,L').split(',') as MeshSize[];
const DEFAULT_RUNS: Record<MeshSize, number> = { S: 10, M: 4, L: 2 };
const runsOf = (size: MeshSize): number =>
  Math.max(1, Number(process.env['BENCH_RUNS'] ?? DEFAULT_RUNS[size]));

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
  // LIKE copies no foreign key; the store's revision rows are checked against blob, so are these.
  await sql`ALTER TABLE floor_revision ADD FOREIGN KEY (hash) REFERENCES floor_blob (hash)`;
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

/** The service's ingest path: incremental parse against the environment's cache, then store. */
async function ingest(ingester: SnapshotIngester, env: string, yaml: string) {
  const [result, totalMs] = await time(() =>
    ingester.ingest({
      environment: env,
      files: [{ name: 'mesh.yaml', text: yaml }],
      options: { defaultNamespace: 'default' },
      metadata: {},
    }),
  );
  if (!result.ok) {
    throw new Error(`synthetic mesh did not ingest: ${result.error.message}`);
  }
  const { parseMs, storeMs } = result.value.timings;
  return { parseMs, storeMs, totalMs, rows: result.value.stored.rowsWritten };
}

const fmt = (ms: number): string => `${ms.toFixed(0)} ms`;

interface Run {
  readonly jsYamlMs: number;
  readonly copyMs: number;
  readonly full: Awaited<ReturnType<typeof ingest>>;
  readonly incremental: Awaited<ReturnType<typeof ingest>>;
}

/** One run on emptied tables: nothing stored by an earlier run (blobs above all) helps this one. */
async function measure(
  ingester: SnapshotIngester,
  size: MeshSize,
  yaml: string,
  mutated: string,
): Promise<Run> {
  await sql`TRUNCATE blob, resource_revision, version, environment CASCADE`;
  const [, jsYamlMs] = await time(() => loadAll(yaml));
  const copyMs = await floorCopy(sql, parse(yaml));
  const full = await ingest(ingester, `bench-${size}`, yaml);
  const incremental = await ingest(ingester, `bench-${size}`, mutated);
  return { jsYamlMs, copyMs, full, incremental };
}

function best<T>(items: readonly T[], by: (item: T) => number): T {
  return items.reduce((a, b) => (by(b) < by(a) ? b : a));
}

const db = await openBenchDatabase();
const sql = createPostgresClient(db.url, { max: 4, onnotice: () => undefined });
const store = new SnapshotStoreRepository({ sql } as unknown as SqlService);
try {
  console.log(
    'size | objects | MB | parse | js-yaml | COPY floor | floor total | full ingest | ratio | incr. total | incr. store | rows (full / incr.)',
  );
  for (const size of sizes) {
    const mesh = generateSyntheticMesh({ size, seed: 42 });
    const yaml = syntheticMeshYaml(mesh.resources);
    const mutated = syntheticMeshYaml(mutateMesh(mesh.resources, 10, 7).resources);
    const results: Run[] = [];
    for (let run = 0; run < runsOf(size); run += 1) {
      // A new ingester per run: its cache starts empty, as after a restart.
      const ingester = new SnapshotIngester(store, new IngestCache());
      results.push(await measure(ingester, size, yaml, mutated));
    }
    const jsYamlMs = best(results, (r) => r.jsYamlMs).jsYamlMs;
    const copyMs = best(results, (r) => r.copyMs).copyMs;
    const full = best(results, (r) => r.full.totalMs).full;
    const incremental = best(results, (r) => r.incremental.totalMs).incremental;
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
