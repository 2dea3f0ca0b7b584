import { Injectable } from '@nestjs/common';
import type postgres from 'postgres';
import { err, ok, type Result } from '../../engine/index.js';
import { SqlService } from '../../platform/database/sql.service.js';
import { EarlyWrites } from './early-writes.js';
import { applyChangeSet, type ChangeSet } from './change-set.js';
import { changesOf, checkedState, remainingWrites, withCanonicalJson } from './change-plan.js';
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
import type { ObjectToStore, StoreVersionInput, StoreVersionResult } from './snapshots.types.js';

type LatestRow = VersionRow & { readonly version_id: string };

interface LockedEnvironment {
  readonly id: number;
  readonly latest_version: number;
  /** The latest version's row, if there is one. */
  readonly latest: LatestRow | undefined;
}

/** What a version still writes: revision rows and blobs not written early (EarlyWrites). */
interface VersionWrite {
  readonly environmentId: number;
  readonly number: number;
  readonly revisions: readonly ObjectToStore[];
  readonly blobs: readonly ObjectToStore[];
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

/** The locked environment, the caller's state if still current, and the latest objects. */
async function lockWithState(
  tx: postgres.TransactionSql,
  environment: string,
  latest: () => LatestState | null,
): Promise<{
  env: LockedEnvironment;
  known: LatestState | null;
  current: Map<string, CurrentObject>;
}> {
  const env = await lockEnvironment(tx, environment);
  const known = checkedState(latest(), env);
  const current = known?.objects ?? (await currentObjects(tx, env));
  return { env, known, current };
}

function targetOf(state: { env: LockedEnvironment; current: Map<string, CurrentObject> }) {
  return {
    environmentId: state.env.id,
    number: state.env.latest_version + 1,
    current: state.current,
  };
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
 * Makes every statement of the store transaction planned for its own parameters. postgres.js
 * prepares statements, and after five runs PostgreSQL may keep a generic plan costed on the
 * tables as they were: a blob lookup by hash planned on small tables stayed a sequential scan once
 * `blob` held 50,000 rows, and each of a large ingest's 13 batches took 3 s (bench:ingest at L after
 * S and M: 9.5 s became 43 s). Planning each statement costs well under a millisecond here.
 */
function customPlans(tx: postgres.TransactionSql) {
  return tx`SET LOCAL plan_cache_mode = force_custom_plan`;
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
  let [, [row]] = await Promise.all([customPlans(tx), lock()]);
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
  env: LockedEnvironment,
): Promise<Map<string, CurrentObject>> {
  if (env.latest_version === 0) {
    return new Map(); // no version yet (a new environment): spare the round trip
  }
  const environmentId = env.id;
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
