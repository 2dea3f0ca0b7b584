/**
 * The newer-run rule: a run never replaces the comment of a newer commit.
 *
 * CI runs of one pull request can finish out of order (a slow job for commit A ends after the
 * job for B was pushed on top of it). Each comment carries the head SHA it was computed for.
 * A run for `ours` looks at the PR's current head and at the existing comment's SHA:
 *
 * 1. `ours` or the head unknown → write (nothing to compare; the CLI warns).
 * 2. `ours` is the PR head → write: this is the newest run, whatever the comment says.
 * 3. Otherwise the run is stale (the PR moved on while it ran):
 *    a. no comment yet → skip: the run for the head will post (a stale run must not post
 *       impact that the head may no longer have, e.g. after `--delete-when-no-impact`);
 *    b. the comment is for `ours` → write (a re-run of the same commit);
 *    c. the comment is for a commit that comes *before* `ours` in the PR's commit list → write
 *       (ours is closer to the head);
 *    d. anything else (the head, a later commit, a commit no longer in the PR, unknown) → skip.
 *
 * SHAs compare case-insensitively, and an abbreviated SHA (≥ 7 characters) matches its full form.
 */
export type OverwriteDecision =
  | { readonly write: true; readonly reason: string }
  | { readonly write: false; readonly reason: string };

export interface RunCommits {
  /** The commit this run computed its report for. */
  readonly ours: string | null;
  /** SHA in the existing comment's marker; undefined when there is no comment. */
  readonly existing: string | null | undefined;
  /** The pull request's current head. */
  readonly head: string | null;
  /** The pull request's commits, oldest first (asked for only in case 3c). */
  readonly commits: () => Promise<readonly string[]>;
}

export function sameCommit(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) {
    return false;
  }
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) {
    return true;
  }
  return Math.min(x.length, y.length) >= 7 && (x.startsWith(y) || y.startsWith(x));
}

function indexOfCommit(commits: readonly string[], sha: string): number {
  return commits.findIndex((commit) => sameCommit(commit, sha));
}

export async function decideOverwrite(run: RunCommits): Promise<OverwriteDecision> {
  if (run.ours === null || run.head === null) {
    return { write: true, reason: 'the run or the PR head commit is unknown' };
  }
  if (sameCommit(run.ours, run.head)) {
    return { write: true, reason: 'this run is for the PR head' };
  }
  const stale = `this run is for ${run.ours} but the PR head is ${run.head}`;
  if (run.existing === undefined) {
    return { write: false, reason: `${stale}; the run for the head will post` };
  }
  if (sameCommit(run.existing, run.ours)) {
    return { write: true, reason: `the comment is for this run's commit ${run.ours}` };
  }
  if (run.existing !== null && !sameCommit(run.existing, run.head)) {
    const commits = await run.commits();
    const existingAt = indexOfCommit(commits, run.existing);
    const oursAt = indexOfCommit(commits, run.ours);
    if (existingAt >= 0 && oursAt > existingAt) {
      return { write: true, reason: `the comment is for ${run.existing}, older than ${run.ours}` };
    }
  }
  return {
    write: false,
    reason: `${stale}; the comment (for ${run.existing ?? 'an unknown commit'}) is not older`,
  };
}
