import { Injectable } from '@nestjs/common';
import type postgres from 'postgres';
import { err, ok, type Result } from '../../engine/index.js';
import { SqlService } from '../../platform/database/sql.service.js';
import { EarlyWrites } from './early-writes.js';
import { applyChangeSet, type ChangeSet } from './change-set.js';
import { changesOf, checkedState, remainingWrites, withCanonicalJson } from './change-plan.js';
import type { CurrentObject, LatestState } from './ingest-cache.js';
import {
  currentObjects,
  type LatestRow,
  type LockedEnvironment,
  lockEnvironment,
  lockWithState,
  targetOf,
} from './locked-environment.js';
import {
  closeRows,
  copyBlobs,
  copyRevisions,
  insertFewBlobs,
  insertFewRevisions,
  SMALL_WRITE_ROWS,
} from './revision-writes.js';
import { toVersionInfo } from './snapshots.mapper.js';
import type { ObjectToStore, StoreVersionInput, StoreVersionResult } from './snapshots.types.js';

/** What a version still writes: revision rows and blobs not written early (EarlyWrites). */
interface VersionWrite {
  readonly environmentId: number;
  readonly number: number;
  readonly revisions: readonly ObjectToStore[];
  readonly blobs: readonly ObjectToStore[];
}

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
      return storeLocked(tx, env, input, null);
    });
  }

  /**
   * storeVersion, with the input produced inside the transaction: `produce` (the parse) starts as
   * soon as the transaction has begun, while the environment's lock is being taken, and may hand
   * objects to the sink as it goes, so their rows are written (once the lock is granted) while it
   * runs. `latest` is storeVersion's `latest` (the input's is not asked); `batchObjects` is the
   * sink's batch size (earlyWriteBatch). A rejection (`ok: false`) rolls everything back and is
   * returned as it is.
   */
  async storeVersionStreamed<E>(
    environment: string,
    latest: () => LatestState | null,
    batchObjects: number,
    produce: (sink: EarlyWrites) => Promise<Result<StoreVersionInput, E>>,
  ): Promise<Result<StoreVersionResult, E>> {
    const { sql } = this.db;
    try {
      return await sql.begin(async (tx) => {
        const locked = lockWithState(tx, environment, latest);
        locked.catch(() => undefined); // awaited below, or through the sink's first write
        const sink = new EarlyWrites(tx, locked.then(targetOf), batchObjects);
        const produced = await produce(sink).catch(async (error: unknown) => {
          await sink.abandon();
          throw error;
        });
        if (!produced.ok) {
          await sink.abandon();
          throw new Rejected(produced.error);
        }
        await sink.flush();
        const { env, known, current } = await locked;
        return ok(await storeLocked(tx, env, produced.value, { sink, known, current }));
      });
    } catch (error: unknown) {
      if (error instanceof Rejected) {
        return err(error.reason as E);
      }
      throw error;
    }
  }
}

/** Carries a produced rejection out of the transaction callback, so that it rolls back. */
class Rejected extends Error {
  constructor(readonly reason: unknown) {
    super('rejected input');
  }
}

/** What a streamed store knew and wrote before the input was complete. */
interface Prior {
  readonly sink: EarlyWrites;
  readonly known: LatestState | null;
  readonly current: Map<string, CurrentObject>;
}

/** The version write once the environment is locked. */
async function storeLocked(
  tx: postgres.TransactionSql,
  env: LockedEnvironment,
  input: StoreVersionInput,
  prior: Prior | null,
): Promise<StoreVersionResult> {
  const { known, current, earlyBlobRows } = priorOf(input, env, prior);
  if (env.latest?.digest === input.digest) {
    return unchangedResult(input.environment, env.latest, known, prior);
  }
  const objects = current ?? (await currentObjects(tx, env));
  const changes = changesOf(objects, known, input);
  const number = env.latest_version + 1;
  const toInsert = withCanonicalJson(changes.toInsert, input.canonicalJsonOf);
  const remaining = remainingWrites(toInsert, prior?.sink);
  const write = { environmentId: env.id, number, ...remaining };
  const [blobRows, row] = await writeChanges(tx, write, input, changes);
  const rowsWritten = earlyBlobRows + blobRows + changes.toClose.length + toInsert.length + 1;
  return {
    created: true,
    version: toVersionInfo(input.environment, row),
    rowsWritten,
    latest: {
      environmentId: env.id,
      versionId: row.version_id,
      number,
      digest: input.digest,
      objects: applyChangeSet(objects, changes, number, true),
    },
  };
}

/** The caller's checked state, the latest objects if known, and blob rows written early. */
function priorOf(input: StoreVersionInput, env: LockedEnvironment, prior: Prior | null) {
  if (prior === null) {
    const known = checkedState(input.latest?.() ?? null, env);
    return { known, current: known?.objects ?? null, earlyBlobRows: 0 };
  }
  return { known: prior.known, current: prior.current, earlyBlobRows: prior.sink.blobRows };
}

/** The result when the snapshot equals the latest version: no version is created. */
function unchangedResult(
  environment: string,
  latest: LatestRow,
  known: LatestState | null,
  prior: Prior | null,
): StoreVersionResult {
  if (prior !== null && prior.sink.inserted.size > 0) {
    throw new Error('rows were written early for a snapshot equal to the latest version');
  }
  const version = toVersionInfo(environment, latest);
  return { created: false, version, rowsWritten: prior?.sink.blobRows ?? 0, latest: known };
}

/**
 * Blobs, closed rows, new rows, the version row and the environment's latest number. A small
 * change set is sent as one pipeline of statements (they run in order: blobs before the rows
 * referencing them); a large one is copied.
 */
async function writeChanges(
  tx: postgres.TransactionSql,
  write: VersionWrite,
  input: StoreVersionInput,
  changes: ChangeSet,
): Promise<[number, LatestRow]> {
  const { environmentId, number, revisions, blobs } = write;
  if (revisions.length <= SMALL_WRITE_ROWS && changes.toClose.length <= SMALL_WRITE_ROWS) {
    const [blobRows, , , row] = await Promise.all([
      insertFewBlobs(tx, blobs),
      closeRows(tx, environmentId, number, changes.toClose),
      insertFewRevisions(tx, environmentId, number, revisions),
      insertVersion(tx, environmentId, number, input, changes),
    ]);
    return [blobRows, row];
  }
  const blobRows = await copyBlobs(tx, blobs);
  await closeRows(tx, environmentId, number, changes.toClose);
  await copyRevisions(tx, environmentId, number, revisions);
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
