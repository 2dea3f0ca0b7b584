import { Injectable } from '@nestjs/common';
import type postgres from 'postgres';
import { SqlService } from '../../platform/database/sql.service.js';
import {
  applyChangeSet,
  type ChangeSet,
  computeChangeSet,
  computeChangeSetOfFresh,
} from './change-set.js';
import type { CurrentObject, LatestState } from './ingest-cache.js';
import {
  closeRows,
  copyBlobs,
  copyRevisions,
  insertFewBlobs,
  insertFewRevisions,
  SMALL_WRITE_ROWS,
} from './revision-writes.js';
import { toVersionInfo, type VersionRow } from './snapshots.mapper.js';
import type {
  ObjectRecord,
  ObjectToStore,
  StoreVersionInput,
  StoreVersionResult,
} from './snapshots.types.js';

type LatestRow = VersionRow & { readonly version_id: string };

interface LockedEnvironment {
  readonly id: number;
  readonly latest_version: number;
  /** The latest version's row, if there is one. */
  readonly latest: LatestRow | undefined;
}

type LockRow = Partial<LatestRow> & { readonly env_id: number; readonly latest_version: number };

/**
 * Writes versions with temporal membership: one transaction per ingest, the environment row
 * locked FOR UPDATE so concurrent ingests get consecutive numbers, and rows written only for
 * objects added, changed or removed. The latest version's objects come from the caller's cache
 * when the locked row confirms it is current (else from the database), so a small change costs a
 * handful of pipelined statements whatever the snapshot's size. Bulk rows go through COPY
 * (postgres.js).
 */
@Injectable()
export class SnapshotStoreRepository {
  constructor(private readonly db: SqlService) {}

  async storeVersion(input: StoreVersionInput): Promise<StoreVersionResult> {
    const { sql } = this.db;
    return sql.begin(async (tx) => {
      const env = await lockEnvironment(tx, input.environment);
      const known = checkedState(input.latest?.() ?? null, env);
      const latest = env.latest;
      if (latest?.digest === input.digest) {
        return {
          created: false,
          version: toVersionInfo(input.environment, latest),
          rowsWritten: 0,
          latest: known,
        };
      }
      const current = known?.objects ?? (await currentObjects(tx, env.id));
      const candidates = input.candidates;
      const changes =
        (known !== null && candidates?.state === known
          ? computeChangeSetOfFresh(current, candidates.unchanged, candidates.fresh)
          : null) ?? computeChangeSet(current, input.objects);
      const number = env.latest_version + 1;
      const toInsert = withCanonicalJson(changes.toInsert, input.canonicalJsonOf);
      const [blobRows, row] = await writeChanges(tx, env.id, number, toInsert, input, changes);
      const rowsWritten = blobRows + changes.toClose.length + toInsert.length + 1;
      return {
        created: true,
        version: toVersionInfo(input.environment, row),
        rowsWritten,
        latest: {
          environmentId: env.id,
          versionId: row.version_id,
          number,
          digest: input.digest,
          objects: applyChangeSet(current, changes, number, true),
        },
      };
    });
  }
}

/**
 * Locks the environment's row (creating it inside the transaction, so a failed ingest leaves not
 * even an empty environment behind) and reads its latest version in the same statement.
 */
async function lockEnvironment(
  tx: postgres.TransactionSql,
  name: string,
): Promise<LockedEnvironment> {
  const lock = () => tx<LockRow[]>`
    SELECT e.id AS env_id, e.latest_version, v.id::text AS version_id, v.number, v.created_at,
           v.commit, v.branch, v.author, v.message, v.source, v.digest, v.object_count,
           v.added_count, v.modified_count, v.removed_count
    FROM environment e
    LEFT JOIN version v ON v.environment_id = e.id AND v.number = e.latest_version
    WHERE e.name = ${name} FOR UPDATE OF e`;
  let [row] = await lock();
  if (row === undefined) {
    await tx`INSERT INTO environment (name) VALUES (${name}) ON CONFLICT (name) DO NOTHING`;
    [row] = await lock();
  }
  if (row === undefined) {
    throw new Error(`environment ${name} vanished during ingest`);
  }
  const latest = typeof row.version_id === 'string' ? (row as LatestRow) : undefined;
  return { id: row.env_id, latest_version: row.latest_version, latest };
}

/** The latest version's objects, read from the database (no usable cached state). */
async function currentObjects(
  tx: postgres.TransactionSql,
  environmentId: number,
): Promise<Map<string, CurrentObject>> {
  const rows = await tx<{ object_id: string; hash: string; valid_from: number }[]>`
    SELECT object_id, hash, valid_from FROM resource_revision
    WHERE environment_id = ${environmentId} AND valid_to IS NULL`;
  return new Map(rows.map((r) => [r.object_id, { hash: r.hash, validFrom: r.valid_from }]));
}

/**
 * Blobs, closed rows, new rows, the version row and the environment's latest number. A small
 * change set is sent as one pipeline of statements (they run in order: blobs before the rows
 * referencing them); a large one is copied.
 */
async function writeChanges(
  tx: postgres.TransactionSql,
  environmentId: number,
  number: number,
  toInsert: readonly ObjectToStore[],
  input: StoreVersionInput,
  changes: ChangeSet,
): Promise<[number, LatestRow]> {
  if (toInsert.length <= SMALL_WRITE_ROWS && changes.toClose.length <= SMALL_WRITE_ROWS) {
    const [blobRows, , , row] = await Promise.all([
      insertFewBlobs(tx, toInsert),
      closeRows(tx, environmentId, number, changes.toClose),
      insertFewRevisions(tx, environmentId, number, toInsert),
      insertVersion(tx, environmentId, number, input, changes),
    ]);
    return [blobRows, row];
  }
  const blobRows = await copyBlobs(tx, toInsert);
  await closeRows(tx, environmentId, number, changes.toClose);
  await copyRevisions(tx, environmentId, number, toInsert);
  return [blobRows, await insertVersion(tx, environmentId, number, input, changes)];
}

/** The version row, and the environment's latest number, in one statement. */
async function insertVersion(
  tx: postgres.TransactionSql,
  environmentId: number,
  number: number,
  input: StoreVersionInput,
  changes: ChangeSet,
): Promise<LatestRow> {
  const { metadata } = input;
  const [row] = await tx<LatestRow[]>`
    WITH moved AS (UPDATE environment SET latest_version = ${number} WHERE id = ${environmentId})
    INSERT INTO version (environment_id, number, created_at, commit, branch, author, message, source, digest,
                         object_count, added_count, modified_count, removed_count)
    VALUES (${environmentId}, ${number}, clock_timestamp(), ${metadata.commit ?? null}, ${metadata.branch ?? null},
            ${metadata.author ?? null}, ${metadata.message ?? null},
            ${metadata.source ?? null}, ${input.digest}, ${input.objects.length},
            ${changes.added}, ${changes.modified}, ${changes.removed})
    RETURNING *, id::text AS version_id`;
  if (row === undefined) {
    throw new Error('version insert returned no row');
  }
  return row;
}

/** The caller's state, if it names the environment's latest version (checked under the lock). */
function checkedState(state: LatestState | null, env: LockedEnvironment): LatestState | null {
  if (state === null || env.latest === undefined) {
    return null;
  }
  const same =
    state.environmentId === env.id &&
    state.number === env.latest_version &&
    state.versionId === env.latest.version_id &&
    state.digest === env.latest.digest;
  return same ? state : null;
}

/** Fills in canonical JSON left out by the caller (objects from cached parse units). */
function withCanonicalJson(
  objects: readonly ObjectRecord[],
  canonicalJsonOf: StoreVersionInput['canonicalJsonOf'],
): ObjectToStore[] {
  const missing = objects.filter((o) => o.canonicalJson === null).map((o) => o.id);
  const found =
    missing.length > 0 && canonicalJsonOf !== undefined ? canonicalJsonOf(missing) : null;
  return objects.map((object) => {
    if (object.canonicalJson !== null) {
      return object as ObjectToStore;
    }
    const canonicalJson = found?.get(object.id);
    if (canonicalJson === undefined) {
      throw new Error(`no canonical JSON for ${object.id}`);
    }
    return { ...object, canonicalJson };
  });
}
