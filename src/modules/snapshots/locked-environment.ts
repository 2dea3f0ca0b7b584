import type postgres from 'postgres';
import { checkedState } from './change-plan.js';
import type { EarlyWriteTarget } from './early-writes.js';
import type { CurrentObject, LatestState } from './ingest-cache.js';
import type { VersionRow } from './snapshots.mapper.js';

// The store transaction's first step (SnapshotStoreRepository): the environment's row locked, and
// what the caller knows or the database says of its latest version.

export type LatestRow = VersionRow & { readonly version_id: string };

export interface LockedEnvironment {
  readonly id: number;
  readonly latest_version: number;
  /** The latest version's row, if there is one. */
  readonly latest: LatestRow | undefined;
}

type LockRow = Partial<LatestRow> & { readonly env_id: number; readonly latest_version: number };

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
export async function lockEnvironment(
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
export async function currentObjects(
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

/** The locked environment, the caller's state if still current, and the latest objects. */
export async function lockWithState(
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

export function targetOf(state: {
  env: LockedEnvironment;
  current: Map<string, CurrentObject>;
}): EarlyWriteTarget {
  return {
    environmentId: state.env.id,
    number: state.env.latest_version + 1,
    current: state.current,
  };
}
