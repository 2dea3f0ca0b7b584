import { Injectable } from '@nestjs/common';
import { DomainError } from '../../platform/errors/domain-error.js';
import { AuditRepository } from './audit.repository.js';
import { RetentionRepository } from './retention.repository.js';
import type {
  PruneReport,
  RetentionPolicyInfo,
  RetentionPolicyInput,
  VersionTagInfo,
} from './retention.types.js';

const TAG_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const MAX_KEEP = 1_000_000;

function checkKeep(value: number | null, name: string): void {
  if (value !== null && (!Number.isInteger(value) || value < 0 || value > MAX_KEEP)) {
    throw new DomainError(
      'INVALID_ARGUMENT',
      `${name} must be an integer from 0 to ${MAX_KEEP}, got ${value}`,
    );
  }
}

/**
 * Retention: an optional per-environment policy, tags that protect versions, and the prune that
 * applies them. The latest version and tagged versions are always kept. Pruning deletes version
 * rows and the temporal rows no kept version can see, so as-of reads of kept versions answer
 * exactly as before; history keeps the changes visible from kept versions (a change made in a
 * pruned version shows with `isPruned` metadata).
 */
@Injectable()
export class RetentionService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly retention: RetentionRepository,
  ) {}

  /** The policy, or one with both rules null (keep everything) when none is set. */
  async getPolicy(environment: string): Promise<RetentionPolicyInfo> {
    const environmentId = await this.audit.environmentId(environment);
    const policy = await this.retention.getPolicy(environmentId, environment);
    return policy ?? { environment, keepVersions: null, keepDays: null, updatedAt: null };
  }

  async setPolicy(environment: string, input: RetentionPolicyInput): Promise<RetentionPolicyInfo> {
    if (input.keepVersions === null && input.keepDays === null) {
      throw new DomainError(
        'INVALID_ARGUMENT',
        'a retention policy needs keepVersions and/or keepDays (remove the policy to keep everything)',
      );
    }
    checkKeep(input.keepVersions, 'keepVersions');
    checkKeep(input.keepDays, 'keepDays');
    const environmentId = await this.audit.environmentId(environment);
    return this.retention.setPolicy(environmentId, environment, input);
  }

  /** True when a policy was removed. */
  async clearPolicy(environment: string): Promise<boolean> {
    const environmentId = await this.audit.environmentId(environment);
    return this.retention.deletePolicy(environmentId);
  }

  async listTags(environment: string): Promise<VersionTagInfo[]> {
    const environmentId = await this.audit.environmentId(environment);
    return this.retention.listTags(environmentId, environment);
  }

  /** Creates the tag, or moves it to `version`; `created` is false when it already existed. */
  async tagVersion(
    environment: string,
    tag: string,
    version: number,
  ): Promise<{ tag: VersionTagInfo; created: boolean }> {
    if (!TAG_NAME.test(tag)) {
      throw new DomainError(
        'INVALID_ARGUMENT',
        `tag "${tag}" must be 1-128 letters, digits, '.', '_' or '-'`,
      );
    }
    if (!Number.isInteger(version) || version < 1) {
      throw new DomainError(
        'INVALID_ARGUMENT',
        `version must be a positive integer, got ${version}`,
      );
    }
    return this.retention.setTag(environment, tag, version);
  }

  async untagVersion(environment: string, tag: string): Promise<void> {
    const environmentId = await this.audit.environmentId(environment);
    if (!(await this.retention.deleteTag(environmentId, tag))) {
      throw new DomainError('TAG_NOT_FOUND', `environment "${environment}" has no tag "${tag}"`);
    }
  }

  /**
   * Applies the environment's policy now (no policy: nothing is removed). A dry run reports what
   * would go and changes nothing; its blob count is what would be unreferenced at that moment.
   */
  async prune(environment: string, options: { dryRun: boolean }): Promise<PruneReport> {
    const outcome = await this.retention.pruneEnvironment(environment, options.dryRun);
    const blobsDeleted = options.dryRun
      ? outcome.orphanHashes.length
      : await this.retention.deleteBlobs(outcome.orphanHashes);
    return {
      environment,
      dryRun: options.dryRun,
      policy: outcome.policy,
      keptVersionCount: outcome.plan.kept.length,
      prunedVersions: outcome.plan.pruned,
      revisionsDeleted: outcome.revisionsDeleted,
      blobsDeleted,
    };
  }

  /**
   * For callers after an ingest: applies the policy when the environment has one (a prune; when
   * it removed blobs, their deletion briefly holds new ingests back), else returns null after two
   * indexed reads.
   */
  async applyRetention(environment: string): Promise<PruneReport | null> {
    const environmentId = await this.audit.environmentId(environment);
    if ((await this.retention.getPolicy(environmentId, environment)) === null) {
      return null;
    }
    const report = await this.prune(environment, { dryRun: false });
    return report.policy === null ? null : report;
  }
}
