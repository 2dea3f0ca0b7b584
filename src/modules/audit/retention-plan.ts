import type { RetentionPolicyInput } from './retention.types.js';

export interface VersionAge {
  readonly number: number;
  readonly createdAt: Date;
}

/** Consecutive kept versions `lo < hi` with at least one version number strictly between them. */
export interface RetentionGap {
  readonly lo: number;
  readonly hi: number;
}

export interface RetentionPlan {
  /** Ascending. */
  readonly kept: readonly number[];
  /** Existing versions not kept, ascending. */
  readonly pruned: readonly number[];
  /**
   * A revision row [validFrom, validTo) is seen by no kept version exactly when it lies inside
   * one gap: `lo < validFrom` and `validTo <= hi` (the first gap starts at 0). Rows still current
   * (validTo null) are always seen by the latest version, which is always kept.
   */
  readonly gaps: readonly RetentionGap[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Which versions a policy keeps: the latest always, tagged ones always, plus the newest
 * `keepVersions` and those created in the last `keepDays` (a version is kept when any rule keeps
 * it, so setting both is the more conservative union).
 */
export function planRetention(
  versions: readonly VersionAge[],
  tagged: ReadonlySet<number>,
  policy: RetentionPolicyInput,
  now: Date,
): RetentionPlan {
  const byNumber = [...versions].sort((a, b) => a.number - b.number);
  const newestFirst = [...byNumber].reverse();
  const keep = new Set<number>(tagged);
  const latest = newestFirst[0];
  if (latest !== undefined) {
    keep.add(latest.number);
  }
  if (policy.keepVersions !== null) {
    for (const version of newestFirst.slice(0, policy.keepVersions)) {
      keep.add(version.number);
    }
  }
  if (policy.keepDays !== null) {
    const cutoff = now.getTime() - policy.keepDays * DAY_MS;
    for (const version of byNumber.filter((v) => v.createdAt.getTime() >= cutoff)) {
      keep.add(version.number);
    }
  }
  const kept = byNumber.filter((v) => keep.has(v.number)).map((v) => v.number);
  const pruned = byNumber.filter((v) => !keep.has(v.number)).map((v) => v.number);
  return { kept, pruned, gaps: gapsBetween(kept) };
}

function gapsBetween(kept: readonly number[]): RetentionGap[] {
  const gaps: RetentionGap[] = [];
  let previous = 0;
  for (const number of kept) {
    // A row needs validFrom >= lo + 1 and validTo >= validFrom + 1, so hi - lo >= 2.
    if (number - previous >= 2) {
      gaps.push({ lo: previous, hi: number });
    }
    previous = number;
  }
  return gaps;
}
