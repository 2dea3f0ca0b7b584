import type postgres from 'postgres';
import { DomainError } from '../../platform/errors/domain-error.js';
import { intArray, textArray } from './sql-arrays.js';
import { planRetention, type RetentionPlan } from './retention-plan.js';
import type { RetentionPolicyInfo } from './retention.types.js';

// The statements of a prune (RetentionRepository): step 1, run inside its transaction with the
// environment row locked, and the check for unreferenced content hashes that step 2 repeats.

/** The first, per-environment step of a prune (see {@link RetentionRepository.pruneEnvironment}). */
export interface PruneOutcome {
  readonly policy: RetentionPolicyInfo | null;
  readonly plan: RetentionPlan;
  readonly revisionsDeleted: number;
  /** Content hashes of the deleted revisions that nothing references any more (at that moment). */
  readonly orphanHashes: readonly string[];
}

interface PolicyRow {
  readonly keep_versions: number | null;
  readonly keep_days: number | null;
  readonly updated_at: Date;
}

export async function pruneInTransaction(
  tx: postgres.TransactionSql,
  environment: string,
): Promise<PruneOutcome> {
  const [env] = await tx<{ id: number; now: Date }[]>`
      SELECT id, now() AS now FROM environment WHERE name = ${environment} FOR UPDATE`;
  if (env === undefined) {
    throw new DomainError('ENVIRONMENT_NOT_FOUND', `environment "${environment}" does not exist`);
  }
  const versions = await tx<{ number: number; createdAt: Date }[]>`
      SELECT number, created_at AS "createdAt" FROM version WHERE environment_id = ${env.id}
      ORDER BY number`;
  const [policyRow] = await tx<PolicyRow[]>`
      SELECT keep_versions, keep_days, updated_at FROM retention_policy WHERE environment_id = ${env.id}`;
  if (policyRow === undefined) {
    const keepAll = { kept: versions.map((v) => v.number), pruned: [], gaps: [] };
    return { policy: null, plan: keepAll, revisionsDeleted: 0, orphanHashes: [] };
  }
  const policy = { keepVersions: policyRow.keep_versions, keepDays: policyRow.keep_days };
  const tags = await tx<{ version: number }[]>`
      SELECT DISTINCT version FROM version_tag WHERE environment_id = ${env.id}`;
  const plan = planRetention(versions, new Set(tags.map((t) => t.version)), policy, env.now);
  const info = { environment, ...policy, updatedAt: policyRow.updated_at };
  if (plan.pruned.length === 0) {
    return { policy: info, plan, revisionsDeleted: 0, orphanHashes: [] };
  }
  const deleted = await deleteInvisibleRevisions(tx, env.id, plan);
  await tx`
      WITH gone AS (DELETE FROM version WHERE environment_id = ${env.id}
                    AND number = ANY(${intArray(tx, plan.pruned)}::int[]) RETURNING id)
      DELETE FROM version_findings WHERE version_id IN (SELECT id FROM gone)`;
  const orphanHashes = await findUnreferencedHashes(tx, deleted.hashes);
  return { policy: info, plan, revisionsDeleted: deleted.count, orphanHashes };
}

/** Rows lying inside a gap between kept versions (retention-plan.ts) are seen by no kept version. */
async function deleteInvisibleRevisions(
  tx: postgres.TransactionSql,
  environmentId: number,
  plan: RetentionPlan,
): Promise<{ count: number; hashes: string[] }> {
  const [row] = await tx<{ count: string; hashes: string[] | null }[]>`
      WITH gone AS (
        DELETE FROM resource_revision r
        USING unnest(${intArray(
          tx,
          plan.gaps.map((g) => g.lo),
        )}::int[],
                     ${intArray(
                       tx,
                       plan.gaps.map((g) => g.hi),
                     )}::int[]) AS g(lo, hi)
        WHERE r.environment_id = ${environmentId}
          AND r.valid_to IS NOT NULL AND r.valid_to > g.lo AND r.valid_to <= g.hi
          AND r.valid_from > g.lo
        RETURNING r.hash)
      SELECT count(*) AS count, array_agg(DISTINCT hash) AS hashes FROM gone`;
  return { count: Number(row?.count ?? 0), hashes: row?.hashes ?? [] };
}

/** Of these hashes, those no revision (any environment) and no proposal references. */
export async function findUnreferencedHashes(
  tx: postgres.TransactionSql | postgres.Sql,
  hashes: readonly string[],
): Promise<string[]> {
  if (hashes.length === 0) {
    return [];
  }
  const rows = await tx<{ hash: string }[]>`
      WITH candidate AS (SELECT unnest(${textArray(tx, hashes)}::text[]) AS hash),
      proposed AS (SELECT DISTINCT h AS hash FROM proposal p, unnest(p.object_hashes) h
                   WHERE h IN (SELECT hash FROM candidate))
      SELECT c.hash FROM candidate c
      WHERE NOT EXISTS (SELECT 1 FROM resource_revision r WHERE r.hash = c.hash)
        AND NOT EXISTS (SELECT 1 FROM proposed p WHERE p.hash = c.hash)
      ORDER BY c.hash`;
  return rows.map((r) => r.hash);
}
