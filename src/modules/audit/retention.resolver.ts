import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  PruneReport,
  RetentionPolicy,
  RetentionPolicyInput,
  VersionTag,
} from './models/retention.model.js';
import { RetentionService } from './retention.service.js';
import type {
  PruneReport as PruneReportData,
  RetentionPolicyInfo,
  VersionTagInfo,
} from './retention.types.js';
import { RequireScope } from '../../platform/auth/scopes.js';

@Resolver()
export class RetentionResolver {
  constructor(private readonly retention: RetentionService) {}

  @Query(() => [VersionTag], { description: 'Tags of an environment, newest version first' })
  versionTags(@Args('environment') environment: string): Promise<VersionTagInfo[]> {
    return this.retention.listTags(environment);
  }

  @Query(() => RetentionPolicy, { description: 'The retention policy (both rules null: none)' })
  retentionPolicy(@Args('environment') environment: string): Promise<RetentionPolicyInfo> {
    return this.retention.getPolicy(environment);
  }

  @RequireScope('admin')
  @Mutation(() => VersionTag, { description: 'Tag a version (creates the tag, or moves it)' })
  async tagVersion(
    @Args('environment') environment: string,
    @Args('tag') tag: string,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<VersionTagInfo> {
    return (await this.retention.tagVersion(environment, tag, version)).tag;
  }

  @RequireScope('admin')
  @Mutation(() => Boolean, { description: 'Remove a tag' })
  async untagVersion(
    @Args('environment') environment: string,
    @Args('tag') tag: string,
  ): Promise<boolean> {
    await this.retention.untagVersion(environment, tag);
    return true;
  }

  @RequireScope('admin')
  @Mutation(() => RetentionPolicy, {
    description:
      'Set the retention policy (applied after each ingest that stores a new version, and by pruneVersions)',
  })
  setRetentionPolicy(
    @Args('environment') environment: string,
    @Args('input') input: RetentionPolicyInput,
  ): Promise<RetentionPolicyInfo> {
    return this.retention.setPolicy(environment, {
      keepVersions: input.keepVersions ?? null,
      keepDays: input.keepDays ?? null,
    });
  }

  @RequireScope('admin')
  @Mutation(() => Boolean, { description: 'Remove the retention policy; true when there was one' })
  clearRetentionPolicy(@Args('environment') environment: string): Promise<boolean> {
    return this.retention.clearPolicy(environment);
  }

  @RequireScope('admin')
  @Mutation(() => PruneReport, {
    description:
      'Apply the retention policy now: delete pruned versions and the temporal rows no kept version can see ' +
      '(as-of reads of kept versions are unchanged), then unreferenced blobs. dryRun: report only.',
  })
  pruneVersions(
    @Args('environment') environment: string,
    @Args('dryRun', { defaultValue: false }) dryRun: boolean,
  ): Promise<PruneReportData> {
    return this.retention.prune(environment, { dryRun });
  }
}
