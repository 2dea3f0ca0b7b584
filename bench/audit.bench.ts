// npm run bench:audit — history and as-of reads on 1,000 versions of the M synthetic mesh
// (~10,000 objects). Each version changes ~10 VirtualServices/DestinationRules (weights, subsets,
// subset labels); one "hot" VirtualService changes every 5th version (200 changes); every 25th
// version removes a ConfigMap. Versions are spread one hour apart. Prints p50/p99 of object history,
// host history, as-of reads (one object, a filtered page, a full page), search and timeline,
// measured at the service layer (no HTTP), then one export and one prune.
// BENCH_VERSIONS=200 shortens the run; BENCH_SAMPLES sets the samples per query (default 200);
// BENCH_KEEP_DB=1 keeps the database (and skips the prune) for EXPLAIN sessions;
import { performance } from 'node:perf_hooks';
import type postgres from 'postgres';
import type { Resource } from '../src/engine/index.js';
import { Prng } from '../src/engine/testing/prng.js';
import { generateSyntheticMesh } from '../src/engine/testing/synthetic-mesh.js';
import { mutateMesh } from '../src/engine/testing/synthetic-mutations.js';
import { AuditRepository } from '../src/modules/audit/audit.repository.js';
import { ExportRepository } from '../src/modules/audit/export.repository.js';
import { ExportService } from '../src/modules/audit/export.service.js';
import { HistoryService } from '../src/modules/audit/history.service.js';
import { RetentionRepository } from '../src/modules/audit/retention.repository.js';
import { RetentionService } from '../src/modules/audit/retention.service.js';
import { SearchRepository } from '../src/modules/audit/search.repository.js';
import { SearchService } from '../src/modules/audit/search.service.js';
import { TimelineRepository } from '../src/modules/audit/timeline.repository.js';
import { toObjectsToStore } from '../src/modules/snapshots/content-hash.js';
import { writeCopyRows } from '../src/modules/snapshots/copy-text.js';
import { SnapshotReadRepository } from '../src/modules/snapshots/snapshot-read.repository.js';
import { SnapshotsService } from '../src/modules/snapshots/snapshots.service.js';
import type { ObjectToStore } from '../src/modules/snapshots/snapshots.types.js';
import { PrismaService } from '../src/platform/database/prisma.service.js';
import type { SqlService } from '../src/platform/database/sql.service.js';
import { createPostgresClient } from '../src/platform/database/postgres-client.js';
import { openBenchDatabase } from './bench-database.js';

const VERSIONS = Number(process.env['BENCH_VERSIONS'] ?? 1000);
const SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 200);
const ENV = 'bench-audit';
const START = Date.parse('2026-01-01T00:00:00Z');
const HOUR = 3_600_000;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function measure(label: string, run: (i: number) => Promise<unknown>): Promise<void> {
  await run(-1); // warm-up (plans, connections)
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;
  console.log(
    `${label.padEnd(58)} | ${fmt(percentile(samples, 50)).padStart(9)} | ${fmt(percentile(samples, 99)).padStart(9)}`,
  );
}

/** A copy with a changed annotation: the hot object's change every 5th version. */
function touch(resource: Resource, revision: number): Resource {
  const body = structuredClone(resource.body);
  const metadata = (body['metadata'] ?? {}) as Record<string, unknown>;
  metadata['annotations'] = { 'meshlens.bench/revision': String(revision) };
  body['metadata'] = metadata as Resource['body'];
  return { ...resource, body };
}

interface OpenRow {
  readonly object: ObjectToStore;
  readonly from: number;
}

/**
 * The rows the store would write for this history (temporal rows, blobs, versions), computed in
 * memory and loaded with COPY: the store's incremental ingest (~250 ms per 10k-object version,
 * bench:ingest) would make the set-up take minutes. Version digests are placeholders.
 */
class HistoryRows {
  readonly revisions: (string | number | boolean | null)[][] = [];
  readonly versions: (string | number | null)[][] = [];
  readonly blobs = new Map<string, string>();
  readonly open = new Map<string, OpenRow>();

  write(
    n: number,
    objects: readonly ObjectToStore[],
    changedIds: ReadonlySet<string> | null,
  ): void {
    let added = 0;
    let modified = 0;
    const seen = new Set<string>();
    for (const object of objects) {
      seen.add(object.id);
      const current = this.open.get(object.id);
      if (current === undefined) {
        added += 1;
        this.start(object, n);
      } else if (
        (changedIds === null || changedIds.has(object.id)) &&
        current.object.hash !== object.hash
      ) {
        modified += 1;
        this.close(current, n);
        this.start(object, n);
      }
    }
    let removed = 0;
    for (const [id, current] of [...this.open]) {
      if (!seen.has(id)) {
        removed += 1;
        this.close(current, n);
        this.open.delete(id);
      }
    }
    const at = new Date(START + (n - 1) * HOUR).toISOString();
    this.versions.push([
      1,
      n,
      at,
      `c${n}`,
      null,
      `user${n % 7}`,
      null,
      `pr:${1000 + n}`,
      `bench-${n}`,
      objects.length,
      added,
      modified,
      removed,
    ]);
  }

  closeAll(): void {
    for (const current of this.open.values()) {
      this.revisions.push(this.row(current, null));
    }
  }

  private start(object: ObjectToStore, n: number): void {
    this.open.set(object.id, { object, from: n });
    this.blobs.set(object.hash, object.canonicalJson);
  }

  private close(current: OpenRow, n: number): void {
    this.revisions.push(this.row(current, n));
  }

  private row(current: OpenRow, to: number | null): (string | number | boolean | null)[] {
    const o = current.object;
    return [
      1,
      o.id,
      o.apiGroup,
      o.apiVersion,
      o.kind,
      o.namespace,
      o.name,
      o.known,
      o.hash,
      current.from,
      to,
      o.sourceFile,
    ];
  }
}

async function buildHistory(sql: postgres.Sql): Promise<Resource[]> {
  const started = performance.now();
  let resources = [...generateSyntheticMesh({ size: 'M', seed: 42 }).resources];
  let stored: ObjectToStore[] = toObjectsToStore(resources);
  const hot = resources.findIndex((r) => r.key.kind === 'VirtualService');
  const rng = new Prng(7);
  const rows = new HistoryRows();
  rows.write(1, stored, null);
  for (let n = 2; n <= VERSIONS; n += 1) {
    const next = mutateMesh(resources, 10, n).resources;
    if (n % 5 === 0) {
      next[hot] = touch(next[hot]!, n);
    }
    const changed = next.flatMap((r, i) => (r === resources[i] ? [] : [i]));
    const fresh = toObjectsToStore(changed.map((i) => next[i]!));
    changed.forEach((index, k) => (stored[index] = fresh[k]!));
    resources = next;
    if (n % 25 === 0) {
      const victim = rng.pick(
        resources.flatMap((r, i) => (r.key.kind === 'ConfigMap' && i !== hot ? [i] : [])),
      );
      resources = resources.filter((_, i) => i !== victim);
      stored = stored.filter((_, i) => i !== victim);
    }
    rows.write(n, stored, new Set(fresh.map((o) => o.id)));
  }
  rows.closeAll();
  rows.revisions.sort((a, b) => Number(a[9]) - Number(b[9]));
  await sql.begin(async (tx) => {
    await tx`INSERT INTO environment (id, name, latest_version) VALUES (1, ${ENV}, ${VERSIONS})`;
    await writeCopyRows(
      await tx`COPY blob (hash, body) FROM STDIN`.writable(),
      rows.blobs.entries(),
    );
    await writeCopyRows(
      await tx`COPY resource_revision (environment_id, object_id, api_group, api_version, kind, namespace, name, known, hash, valid_from, valid_to, source_file) FROM STDIN`.writable(),
      rows.revisions,
    );
    await writeCopyRows(
      await tx`COPY version (environment_id, number, created_at, commit, branch, author, message, source, digest, object_count, added_count, modified_count, removed_count) FROM STDIN`.writable(),
      rows.versions,
    );
  });
  await sql`SELECT setval(pg_get_serial_sequence('environment', 'id'), 1)`;
  await sql`ANALYZE`;
  console.log(
    `${VERSIONS} versions of ${resources.length} objects (${rows.revisions.length} temporal rows, ${rows.blobs.size} blobs) ` +
      `built in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return resources;
}

const db = await openBenchDatabase();
const sql = createPostgresClient(db.url, { max: 10, onnotice: () => undefined });
const sqlService = { sql } as unknown as SqlService;
const prisma = new PrismaService(db.url);
try {
  const resources = await buildHistory(sql);
  const snapshots = new SnapshotsService(new SnapshotReadRepository(prisma));
  const audit = new AuditRepository(prisma, sqlService);
  const searchRepository = new SearchRepository(sqlService);
  const history = new HistoryService(audit, searchRepository);
  const search = new SearchService(audit, searchRepository, new TimelineRepository(sqlService));
  const rng = new Prng(11);
  const hot = resources.find((r) => r.key.kind === 'VirtualService')!;
  const routed = resources.filter(
    (r) => r.key.kind === 'VirtualService' || r.key.kind === 'DestinationRule',
  );
  const anyTime = (): Date =>
    new Date(START + rng.int(0, VERSIONS - 1) * HOUR + rng.int(0, HOUR - 1));
  const anyObject = (): Resource => rng.pick(resources);
  const keyOf = (r: Resource) => ({
    kind: r.key.kind,
    namespace: r.key.namespace,
    name: r.key.name,
  });

  console.log(`${'query'.padEnd(58)} | ${'p50'.padStart(9)} | ${'p99'.padStart(9)}`);
  await measure(
    `object history, hot VirtualService (${Math.floor(VERSIONS / 5)} changes), page 50`,
    () => history.objectHistory(ENV, keyOf(hot), { limit: 50, after: null }),
  );
  await measure('object history, random VirtualService/DestinationRule', () =>
    history.objectHistory(ENV, keyOf(rng.pick(routed)), { limit: 50, after: null }),
  );
  await measure('object history, random object', () =>
    history.objectHistory(ENV, keyOf(anyObject()), { limit: 50, after: null }),
  );
  await measure('host history, random routed host (short name + namespace)', () => {
    const r = rng.pick(routed);
    return history.hostHistory(
      ENV,
      { host: r.key.name, namespace: r.key.namespace },
      { limit: 50, after: null },
    );
  });
  await measure('as-of read, one object at a random time', async () => {
    const r = anyObject();
    try {
      await snapshots.getObject(ENV, { asOf: anyTime() }, keyOf(r));
    } catch {
      // the object may not exist at that time (removed ConfigMaps)
    }
  });
  await measure('as-of read, VirtualServices of a namespace at a random time', () =>
    snapshots.listObjects(
      ENV,
      { asOf: anyTime() },
      { kind: 'VirtualService', namespace: anyObject().key.namespace },
      { limit: 100, after: null },
    ),
  );
  await measure('as-of read, first 500 objects at a random version', () =>
    snapshots.listObjects(ENV, rng.int(1, VERSIONS), {}, { limit: 500, after: null }),
  );
  await measure('search, kind=VirtualService + author, page 50', () =>
    search.searchVersions(
      ENV,
      { kind: 'VirtualService' },
      { author: `user${rng.int(0, 6)}` },
      { limit: 50, after: null },
    ),
  );
  await measure('search, label app=<random app>, page 50', () =>
    search.searchVersions(
      ENV,
      { labels: [{ key: 'app', value: rng.pick(routed).key.name }] },
      {},
      { limit: 50, after: null },
    ),
  );
  await measure('timeline, day buckets over the whole history', () =>
    search.timeline(ENV, {
      bucket: 'day',
      from: new Date(START),
      to: new Date(START + VERSIONS * HOUR),
    }),
  );

  const exporter = new ExportService(snapshots, audit, new ExportRepository(sqlService));
  let start = performance.now();
  const bundle = await exporter.exportVersion(ENV, {});
  console.log(
    `export of the latest version: ${bundle.objectCount} objects, ${(bundle.yaml.length / 1e6).toFixed(1)} MB, ${(performance.now() - start).toFixed(0)} ms`,
  );
  if (process.env['BENCH_KEEP_DB'] === undefined) {
    const retention = new RetentionService(audit, new RetentionRepository(prisma, sqlService));
    await retention.setPolicy(ENV, { keepVersions: 100, keepDays: null });
    start = performance.now();
    const report = await retention.prune(ENV, { dryRun: false });
    console.log(
      `prune to the newest 100 versions: ${report.prunedVersions.length} versions, ${report.revisionsDeleted} revisions, ` +
        `${report.blobsDeleted} blobs removed in ${(performance.now() - start).toFixed(0)} ms`,
    );
  }
} finally {
  await prisma.$disconnect();
  await sql.end();
  if (process.env['BENCH_KEEP_DB'] === undefined) {
    await db.close();
  } else {
    console.log(`kept the database: ${db.url}`);
  }
}
