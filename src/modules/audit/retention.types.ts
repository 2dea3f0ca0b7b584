export interface RetentionPolicyInfo {
  readonly environment: string;
  /** Keep the newest N versions (null: no count rule). */
  readonly keepVersions: number | null;
  /** Keep versions created in the last D days (null: no age rule). */
  readonly keepDays: number | null;
  readonly updatedAt: Date | null;
}

export interface RetentionPolicyInput {
  readonly keepVersions: number | null;
  readonly keepDays: number | null;
}

export interface VersionTagInfo {
  readonly environment: string;
  readonly tag: string;
  readonly version: number;
  readonly createdAt: Date;
}

/** What a prune removed (or, for a dry run, would remove). */
export interface PruneReport {
  readonly environment: string;
  readonly dryRun: boolean;
  /** The policy applied; null when the environment has none (nothing is pruned). */
  readonly policy: RetentionPolicyInfo | null;
  readonly keptVersionCount: number;
  /** Version numbers whose rows were deleted, ascending. */
  readonly prunedVersions: readonly number[];
  /** resource_revision rows no kept version could see. */
  readonly revisionsDeleted: number;
  /** Content blobs no revision (in any environment) or proposal referenced any more. */
  readonly blobsDeleted: number;
}
