import { Injectable } from '@nestjs/common';
import type postgres from 'postgres';
import { PrismaService } from '../../platform/database/prisma.service.js';
import { SqlService } from '../../platform/database/sql.service.js';
import { DomainError } from '../../platform/errors/domain-error.js';
import { retentionPolicyFromRecord } from './audit.mapper.js';
import { intArray, textArray } from './sql-arrays.js';
import { planRetention, type RetentionPlan } from './retention-plan.js';
import type {
  RetentionPolicyInfo,
  RetentionPolicyInput,
  VersionTagInfo,
} from './retention.types.js';

/** The first, per-environment step of a prune (see {@link RetentionRepository.pruneEnvironment}). */
export interface PruneOutcome {
  readonly policy: RetentionPolicyInfo | null;
  readonly plan: RetentionPlan;
  readonly revisionsDeleted: number;
  /** Content hashes of the deleted revisions that nothing references any more (at that moment). */
  readonly orphanHashes: readonly string[];
}

class DryRunRollback extends Error {
  constructor(readonly outcome: PruneOutcome) {
    super('dry run');
  }
}

interface PolicyRow {
  readonly keep_versions: number | null;
  readonly keep_days: number | null;
  readonly updated_at: Date;
}

/** Tags, retention policies, and pruning. */
@Injectable()
export class RetentionRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly db: SqlService,
  ) {}

  async getPolicy(environmentId: number, environment: string): Promise<RetentionPolicyInfo | null> {
    const record = await this.prisma.retentionPolicy.findUnique({ where: { environmentId } });
    return record === null ? null : retentionPolicyFromRecord(environment, record);
  }

  async setPolicy(
    environmentId: number,
    environment: string,
    input: RetentionPolicyInput,
  ): Promise<RetentionPolicyInfo> {
    const data = {
      keepVersions: input.keepVersions,
      keepDays: input.keepDays,
      updatedAt: new Date(),
    };
    const record = await this.prisma.retentionPolicy.upsert({
      where: { environmentId },
      create: { environmentId, ...data },
      update: data,
    });
    return retentionPolicyFromRecord(environment, record);
  }

  async deletePolicy(environmentId: number): Promise<boolean> {
    const { count } = await this.prisma.retentionPolicy.deleteMany({ where: { environmentId } });
    return count > 0;
  }

  async listTags(environmentId: number, environment: string): Promise<VersionTagInfo[]> {
    const records = await this.prisma.versionTag.findMany({
      where: { environmentId },
      orderBy: [{ version: 'desc' }, { tag: 'asc' }],
    });
    return records.map((r) => ({
      environment,
      tag: r.tag,
      version: r.version,
      createdAt: r.createdAt,
    }));
  }

  /**
   * Creates or moves a tag. The environment row is locked FOR SHARE so a concurrent prune (which
   * locks it FOR UPDATE) cannot delete the version between the check and the write.
   */
  async setTag(
    environment: string,
    tag: string,
    version: number,
  ): Promise<{ tag: VersionTagInfo; created: boolean }> {
    return this.db.sql.begin(async (tx) => {
      const [env] = await tx<{ id: number }[]>`
        SELECT id FROM environment WHERE name = ${environment} FOR SHARE`;
      if (env === undefined) {
        throw new DomainError(
          'ENVIRONMENT_NOT_FOUND',
          `environment "${environment}" does not exist`,
        );
      }
      const [exists] = await tx`
        SELECT 1 FROM version WHERE environment_id = ${env.id} AND number = ${version}`;
      if (exists === undefined) {
        throw new DomainError(
          'VERSION_NOT_FOUND',
          `environment "${environment}" has no version ${version}`,
        );
      }
      const [row] = await tx<{ created_at: Date; inserted: boolean }[]>`
        INSERT INTO version_tag (environment_id, version, tag) VALUES (${env.id}, ${version}, ${tag})
        ON CONFLICT (environment_id, tag) DO UPDATE SET version = EXCLUDED.version,
          created_at = CASE WHEN version_tag.version = EXCLUDED.version
                            THEN version_tag.created_at ELSE now() END
        RETURNING created_at, (xmax = 0) AS inserted`;
      if (row === undefined) {
        throw new Error('tag upsert returned no row');
      }
      return {
        tag: { environment, tag, version, createdAt: row.created_at },
        created: row.inserted,
      };
    });
  }

  async deleteTag(environmentId: number, tag: string): Promise<boolean> {
    const { count } = await this.prisma.versionTag.deleteMany({ where: { environmentId, tag } });
    return count > 0;
  }

  /**
   * Step 1 of a prune, in one transaction with the environment row locked FOR UPDATE (ingest
   * locks it too, so no version appears meanwhile): plan from the policy, tags and versions;
   * delete the pruned version rows (and their cached findings) and every revision row no kept
   * version can see. A dry run computes the same and rolls back.
   */
  async pruneEnvironment(environment: string, dryRun: boolean): Promise<PruneOutcome> {
    try {
      return await this.db.sql.begin(async (tx) => {
        const outcome = await this.pruneInTransaction(tx, environment);
        if (dryRun) {
          throw new DryRunRollback(outcome);
        }
        return outcome;
      });
    } catch (error) {
      if (error instanceof DryRunRollback) {
        return error.outcome;
      }
      throw error;
    }
  }

  private async pruneInTransaction(
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
    const deleted = await this.deleteInvisibleRevisions(tx, env.id, plan);
    await tx`
      WITH gone AS (DELETE FROM version WHERE environment_id = ${env.id}
                    AND number = ANY(${intArray(tx, plan.pruned)}::int[]) RETURNING id)
      DELETE FROM version_findings WHERE version_id IN (SELECT id FROM gone)`;
    const orphanHashes = await this.unreferenced(tx, deleted.hashes);
    return { policy: info, plan, revisionsDeleted: deleted.count, orphanHashes };
  }

  /** Rows lying inside a gap between kept versions (retention-plan.ts) are seen by no kept version. */
  private async deleteInvisibleRevisions(
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
  private async unreferenced(
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

  /**
   * Step 2 of a prune: deletes the blobs that are still unreferenced. `LOCK TABLE environment IN
   * EXCLUSIVE MODE` waits for every in-flight ingest (they hold ROW EXCLUSIVE on the table from
   * their first statement) and holds new ones back, so no ingest can be relying on a blob it saw
   * as present (blobs are shared by environments). Plain reads are not blocked.
   */
  async deleteBlobs(hashes: readonly string[]): Promise<number> {
    if (hashes.length === 0) {
      return 0;
    }
    return this.db.sql.begin(async (tx) => {
      await tx`LOCK TABLE environment IN EXCLUSIVE MODE`;
      const orphans = await this.unreferenced(tx, hashes);
      if (orphans.length === 0) {
        return 0;
      }
      const result = await tx`DELETE FROM blob WHERE hash = ANY(${textArray(tx, orphans)}::text[])`;
      return result.count;
    });
  }
}
