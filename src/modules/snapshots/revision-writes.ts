import type postgres from 'postgres';
import type { RowToClose } from './change-set.js';
import { writeCopyRows } from './copy-text.js';
import type { ObjectToStore } from './snapshots.types.js';

const UNIQUE_VIOLATION = '23505';

/**
 * Up to this many rows, plain INSERTs from arrays (pipelined, no COPY set-up); above, COPY. Was
 * 1,000 while every COPY waited ~90 ms for a delayed ACK (see platform/database/postgres-client);
 * with TCP_NODELAY a COPY of 959 rows beats one INSERT of them (S mesh store 85 → 64–72 ms).
 */
export const SMALL_WRITE_ROWS = 100;

const REVISION_COLUMNS =
  'environment_id, object_id, api_group, api_version, kind, namespace, name, known, hash, valid_from, source_file';

function blobsByHash(objects: readonly ObjectToStore[]): Map<string, string> {
  const byHash = new Map<string, string>();
  for (const object of objects) {
    byHash.set(object.hash, object.canonicalJson);
  }
  return byHash;
}

/** Few blobs: one INSERT ... ON CONFLICT DO NOTHING (content-addressed: existing ones stay). */
export async function insertFewBlobs(
  tx: postgres.TransactionSql,
  objects: readonly ObjectToStore[],
): Promise<number> {
  const byHash = blobsByHash(objects);
  if (byHash.size === 0) {
    return 0;
  }
  const inserted = await tx`
    INSERT INTO blob (hash, body)
    SELECT h, b::jsonb FROM unnest(${tx.array([...byHash.keys()])}::text[],
                                   ${tx.array([...byHash.values()])}::text[]) AS t(h, b)
    ON CONFLICT (hash) DO NOTHING`;
  return inserted.count;
}

/** Many blobs: only hashes the store lacks are copied; ON CONFLICT covers races. */
export async function copyBlobs(
  tx: postgres.TransactionSql,
  objects: readonly ObjectToStore[],
): Promise<number> {
  const byHash = blobsByHash(objects);
  if (byHash.size === 0) {
    return 0;
  }
  const existing = await tx<{ hash: string }[]>`
    SELECT hash FROM blob WHERE hash = ANY(${tx.array([...byHash.keys()])}::text[])`;
  for (const { hash } of existing) {
    byHash.delete(hash);
  }
  if (byHash.size === 0) {
    return 0;
  }
  // Fast path: COPY straight into blob. Another environment's ingest may insert one of these
  // hashes between our SELECT and the COPY (unique violation): then redo it through a staging
  // table with ON CONFLICT DO NOTHING. The savepoint keeps the transaction usable.
  try {
    await tx.savepoint(async (sp) => {
      await writeCopyRows(await sp`COPY blob (hash, body) FROM STDIN`.writable(), byHash.entries());
    });
    return byHash.size;
  } catch (error) {
    if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) {
      throw error;
    }
  }
  await tx`CREATE TEMP TABLE blob_in (hash text, body jsonb) ON COMMIT DROP`;
  const stream = await tx`COPY blob_in (hash, body) FROM STDIN`.writable();
  await writeCopyRows(stream, byHash.entries());
  const inserted =
    await tx`INSERT INTO blob (hash, body) SELECT hash, body FROM blob_in ON CONFLICT (hash) DO NOTHING`;
  return inserted.count;
}

/** Few revision rows: one INSERT from column arrays. */
export async function insertFewRevisions(
  tx: postgres.TransactionSql,
  environmentId: number,
  number: number,
  objects: readonly ObjectToStore[],
): Promise<void> {
  if (objects.length === 0) {
    return;
  }
  const column = <T extends string | boolean | null>(pick: (o: ObjectToStore) => T) =>
    tx.array(objects.map(pick));
  await tx`
    INSERT INTO resource_revision (environment_id, object_id, api_group, api_version, kind, namespace,
                                   name, known, hash, valid_from, source_file)
    SELECT ${environmentId}::int, i, g, v, k, ns, n, kn, h, ${number}::int, f FROM unnest(
      ${column((o) => o.id)}::text[], ${column((o) => o.apiGroup)}::text[],
      ${column((o) => o.apiVersion)}::text[], ${column((o) => o.kind)}::text[],
      ${column((o) => o.namespace)}::text[], ${column((o) => o.name)}::text[],
      ${column((o) => o.known)}::boolean[], ${column((o) => o.hash)}::text[],
      ${column((o) => o.sourceFile)}::text[]) AS t(i, g, v, k, ns, n, kn, h, f)`;
}

/** Many revision rows: COPY. */
export async function copyRevisions(
  tx: postgres.TransactionSql,
  environmentId: number,
  number: number,
  objects: readonly ObjectToStore[],
): Promise<void> {
  if (objects.length === 0) {
    return;
  }
  const stream = await tx
    .unsafe(`COPY resource_revision (${REVISION_COLUMNS}) FROM STDIN`)
    .writable();
  await writeCopyRows(
    stream,
    objects.map((o) => [
      environmentId,
      o.id,
      o.apiGroup,
      o.apiVersion,
      o.kind,
      o.namespace,
      o.name,
      o.known,
      o.hash,
      number,
      o.sourceFile,
    ]),
  );
}

/** Closes current rows by their unique key; every one must be found (the state was exact). */
export async function closeRows(
  tx: postgres.TransactionSql,
  environmentId: number,
  number: number,
  rows: readonly RowToClose[],
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  // `(valid_to IS NULL) IS TRUE` means `valid_to IS NULL` but cannot use the (environment_id,
  // valid_to) index: right after a bulk COPY (no statistics yet) the planner took that index and
  // scanned every current row of the environment (~100 ms at 50,000 objects) instead of looking
  // each row up by the unique (environment_id, object_id, valid_from) index (< 1 ms).
  const closed = await tx`
    UPDATE resource_revision r SET valid_to = ${number}
    FROM unnest(${tx.array(rows.map((row) => row.objectId))}::text[],
                ${tx.array(rows.map((row) => row.validFrom))}::int[]) AS c(object_id, valid_from)
    WHERE r.environment_id = ${environmentId} AND r.object_id = c.object_id
      AND r.valid_from = c.valid_from AND (r.valid_to IS NULL) IS TRUE`;
  if (closed.count !== rows.length) {
    throw new Error(`closed ${closed.count} of ${rows.length} current rows: the state was stale`);
  }
}
