import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../platform/database/prisma.service.js';
import { SqlService } from '../../platform/database/sql.service.js';
import { DomainError } from '../../platform/errors/domain-error.js';
import { retentionPolicyFromRecord } from './audit.mapper.js';
import { textArray } from './sql-arrays.js';
import {
  findUnreferencedHashes,
  type PruneOutcome,
  pruneInTransaction,
} from './retention-prune-queries.js';
import type {
  RetentionPolicyInfo,
  RetentionPolicyInput,
  VersionTagInfo,
} from './retention.types.js';

export type { PruneOutcome } from './retention-prune-queries.js';

class DryRunRollback extends Error {
  constructor(readonly outcome: PruneOutcome) {
    super('dry run');
  }
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
        const outcome = await pruneInTransaction(tx, environment);
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
      const orphans = await findUnreferencedHashes(tx, hashes);
      if (orphans.length === 0) {
        return 0;
      }
      const result = await tx`DELETE FROM blob WHERE hash = ANY(${textArray(tx, orphans)}::text[])`;
      return result.count;
    });
  }
}
