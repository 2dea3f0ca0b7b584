import type { JsonObject } from '../../engine/index.js';
import type { ObjectChangeKind } from './audit.types.js';

/** One temporal row of an object with its content. */
export interface RevisionRow {
  readonly objectId: string;
  readonly apiGroup: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly known: boolean;
  readonly hash: string;
  readonly validFrom: number;
  readonly validTo: number | null;
  readonly body: JsonObject;
}

/** A half-open range of version numbers [lo, hi). */
export interface VersionRange {
  readonly lo: number;
  readonly hi: number;
}

/** A change found in the rows, before diffing and before version metadata is attached. */
export interface RawHistoryEvent {
  readonly version: number;
  readonly objectId: string;
  readonly change: ObjectChangeKind;
  readonly before: RevisionRow | null;
  readonly after: RevisionRow | null;
  readonly spansPrunedVersions: boolean;
}

function groupByObject(rows: readonly RevisionRow[]): RevisionRow[][] {
  const byObject = new Map<string, RevisionRow[]>();
  for (const row of rows) {
    const list = byObject.get(row.objectId) ?? [];
    list.push(row);
    byObject.set(row.objectId, list);
  }
  return [...byObject.values()].map((list) => list.sort((a, b) => a.validFrom - b.validFrom));
}

/**
 * The version ranges whose existence decides how the rows read once retention pruned versions:
 * the version just before each object's first row (did the object exist before it?), and each
 * hole between two rows (was the object really absent, or were the rows in between pruned?).
 */
export function rangesToCheck(rows: readonly RevisionRow[]): VersionRange[] {
  const ranges: VersionRange[] = [];
  for (const list of groupByObject(rows)) {
    const first = list[0];
    if (first !== undefined && first.validFrom > 1) {
      ranges.push({ lo: first.validFrom - 1, hi: first.validFrom });
    }
    list.forEach((row, index) => {
      const closedAt = index === 0 ? null : (list[index - 1]?.validTo ?? null);
      if (closedAt !== null && closedAt < row.validFrom) {
        ranges.push({ lo: closedAt, hi: row.validFrom });
      }
    });
  }
  return ranges;
}

/** Key of a range in the set of ranges that hold at least one existing version. */
export function rangeKey(range: VersionRange): string {
  return `${range.lo}:${range.hi}`;
}

/**
 * Reads an object's changes from its temporal rows. Consecutive rows (validTo = next validFrom)
 * are a modification; a row closed with no successor is a removal; a hole between rows is a
 * removal and a re-addition, unless every version in the hole was pruned, in which case all we
 * know is that the content differs across the pruned versions (one `modified` event, flagged).
 * `hasVersionIn` answers for the ranges of {@link rangesToCheck}.
 */
export function historyEvents(
  rows: readonly RevisionRow[],
  hasVersionIn: ReadonlySet<string>,
): RawHistoryEvent[] {
  const events: RawHistoryEvent[] = [];
  const exists = (lo: number, hi: number): boolean => hasVersionIn.has(rangeKey({ lo, hi }));
  for (const list of groupByObject(rows)) {
    let previous: RevisionRow | null = null;
    for (const row of list) {
      events.push(...transition(previous, row, exists));
      previous = row;
    }
    const removedAt = previous?.validTo ?? null;
    if (previous !== null && removedAt !== null) {
      events.push(removal(previous, removedAt));
    }
  }
  return events;
}

function transition(
  previous: RevisionRow | null,
  row: RevisionRow,
  exists: (lo: number, hi: number) => boolean,
): RawHistoryEvent[] {
  const at = { version: row.validFrom, objectId: row.objectId };
  if (previous === null) {
    const isUnknownBefore = row.validFrom > 1 && !exists(row.validFrom - 1, row.validFrom);
    return [
      { ...at, change: 'added', before: null, after: row, spansPrunedVersions: isUnknownBefore },
    ];
  }
  if (previous.validTo === row.validFrom) {
    return [
      { ...at, change: 'modified', before: previous, after: row, spansPrunedVersions: false },
    ];
  }
  const holeEnd = previous.validTo ?? row.validFrom;
  if (!exists(holeEnd, row.validFrom)) {
    // Every version in the hole was pruned: removal and re-addition cannot be told apart.
    return previous.hash === row.hash
      ? []
      : [{ ...at, change: 'modified', before: previous, after: row, spansPrunedVersions: true }];
  }
  return [
    removal(previous, holeEnd),
    { ...at, change: 'added', before: null, after: row, spansPrunedVersions: false },
  ];
}

function removal(row: RevisionRow, version: number): RawHistoryEvent {
  const base = { version, objectId: row.objectId, change: 'removed' as const };
  return { ...base, before: row, after: null, spansPrunedVersions: false };
}
