import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planRetention, type RetentionGap, type VersionAge } from './retention-plan.js';

const NOW = new Date('2026-06-30T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

/** Versions 1..n, version i created (n - i) days before NOW. */
function versions(n: number): VersionAge[] {
  return Array.from({ length: n }, (_, i) => ({
    number: i + 1,
    createdAt: new Date(NOW.getTime() - (n - i - 1) * DAY),
  }));
}

function isInGap(row: { from: number; to: number | null }, gaps: readonly RetentionGap[]): boolean {
  return row.to !== null && gaps.some((g) => g.lo < row.from && row.to !== null && row.to <= g.hi);
}

describe('planRetention', () => {
  it('keeps the newest N versions and always the latest', () => {
    const plan = planRetention(versions(10), new Set(), { keepVersions: 3, keepDays: null }, NOW);
    expect(plan.kept).toEqual([8, 9, 10]);
    expect(plan.pruned).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(plan.gaps).toEqual([{ lo: 0, hi: 8 }]);
  });

  it('keeps tagged versions whatever the policy says', () => {
    const plan = planRetention(
      versions(10),
      new Set([2, 5]),
      { keepVersions: 1, keepDays: null },
      NOW,
    );
    expect(plan.kept).toEqual([2, 5, 10]);
    expect(plan.gaps).toEqual([
      { lo: 0, hi: 2 },
      { lo: 2, hi: 5 },
      { lo: 5, hi: 10 },
    ]);
  });

  it('keeps versions younger than D days, and the latest even when it is older', () => {
    const all = versions(10); // version 10 is 0 days old, version 1 nine days old
    expect(planRetention(all, new Set(), { keepVersions: null, keepDays: 2 }, NOW).kept).toEqual([
      8, 9, 10,
    ]);
    const stale = all.map((v) => ({
      ...v,
      createdAt: new Date(v.createdAt.getTime() - 100 * DAY),
    }));
    expect(planRetention(stale, new Set(), { keepVersions: null, keepDays: 2 }, NOW).kept).toEqual([
      10,
    ]);
  });

  it('keeps a version when either rule keeps it (count and age together are a union)', () => {
    const plan = planRetention(versions(10), new Set(), { keepVersions: 2, keepDays: 4 }, NOW);
    expect(plan.kept).toEqual([6, 7, 8, 9, 10]);
  });

  it('ignores tags of versions that no longer exist and works on numbering with holes', () => {
    const existing = versions(10).filter((v) => v.number !== 3 && v.number !== 4);
    const plan = planRetention(existing, new Set([4]), { keepVersions: 1, keepDays: null }, NOW);
    expect(plan.kept).toEqual([10]);
    expect(plan.pruned).toEqual([1, 2, 5, 6, 7, 8, 9]);
  });

  it('a revision row is deleted exactly when no kept version lies in [validFrom, validTo)', () => {
    const rows = fc.array(
      fc
        .tuple(fc.integer({ min: 1, max: 30 }), fc.option(fc.integer({ min: 1, max: 30 })))
        .map(([a, b]) => ({
          from: Math.min(a, b ?? a),
          to: b === null ? null : Math.max(a, b) + 1,
        })),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 30 })),
        fc.option(fc.integer({ min: 0, max: 30 })),
        rows,
        (n, tags, keepVersions, revisionRows) => {
          const plan = planRetention(
            versions(n),
            new Set(tags),
            { keepVersions, keepDays: null },
            NOW,
          );
          const kept = new Set(plan.kept);
          for (const row of revisionRows.filter(
            (r) => r.from <= n && (r.to === null || r.to <= n + 1),
          )) {
            const isSeen = plan.kept.some((k) => row.from <= k && (row.to === null || k < row.to));
            expect(isInGap(row, plan.gaps)).toBe(!isSeen);
          }
          expect(kept.has(n)).toBe(true);
          expect([...plan.kept, ...plan.pruned].sort((a, b) => a - b)).toEqual(
            versions(n).map((v) => v.number),
          );
        },
      ),
    );
  });
});
