import { describe, expect, it } from 'vitest';
import { decideOverwrite, sameCommit, type RunCommits } from './newer-run-rule.js';

const A = 'aaaaaaa111111111111111111111111111111111';
const B = 'bbbbbbb222222222222222222222222222222222';
const C = 'ccccccc333333333333333333333333333333333';
const COMMITS = [A, B, C];

function run(partial: Omit<RunCommits, 'commits'>): RunCommits {
  return { ...partial, commits: () => Promise.resolve(COMMITS) };
}

describe('newer-run rule', () => {
  it('the run for the PR head always writes', async () => {
    expect((await decideOverwrite(run({ ours: C, existing: B, head: C }))).write).toBe(true);
    expect((await decideOverwrite(run({ ours: C, existing: undefined, head: C }))).write).toBe(
      true,
    );
  });

  it('a stale run never overwrites the comment of the head commit', async () => {
    const decision = await decideOverwrite(run({ ours: A, existing: C, head: C }));
    expect(decision.write).toBe(false);
  });

  it('a stale run never overwrites a comment for a later commit', async () => {
    expect((await decideOverwrite(run({ ours: A, existing: B, head: C }))).write).toBe(false);
  });

  it('a stale run may replace a comment for an earlier commit (it is closer to the head)', async () => {
    expect((await decideOverwrite(run({ ours: B, existing: A, head: C }))).write).toBe(true);
  });

  it('a stale run does not create a comment: the head run posts', async () => {
    expect((await decideOverwrite(run({ ours: A, existing: undefined, head: C }))).write).toBe(
      false,
    );
  });

  it('a re-run of the same commit updates its own comment', async () => {
    expect((await decideOverwrite(run({ ours: B, existing: B, head: C }))).write).toBe(true);
  });

  it('a comment for a commit no longer in the PR (force-push) is not treated as older', async () => {
    const gone = 'ddddddd444444444444444444444444444444444';
    expect((await decideOverwrite(run({ ours: B, existing: gone, head: C }))).write).toBe(false);
  });

  it('writes when its own commit or the head is unknown (nothing to compare)', async () => {
    expect((await decideOverwrite(run({ ours: null, existing: C, head: C }))).write).toBe(true);
    expect((await decideOverwrite(run({ ours: A, existing: C, head: null }))).write).toBe(true);
  });

  it('abbreviated SHAs (7+ characters) match their full form, case-insensitively', () => {
    expect(sameCommit('AAAAAAA', A)).toBe(true);
    expect(sameCommit('aaaaaa', A)).toBe(false);
    expect(sameCommit(null, A)).toBe(false);
  });
});
