import { describe, expect, it } from 'vitest';
import { historyEvents, rangeKey, rangesToCheck, type RevisionRow } from './history-events.js';

function row(
  validFrom: number,
  validTo: number | null,
  hash: string,
  objectId = 'networking.istio.io/VirtualService/default/reviews',
): RevisionRow {
  return {
    objectId,
    apiGroup: 'networking.istio.io',
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    namespace: 'default',
    name: 'reviews',
    known: true,
    hash,
    validFrom,
    validTo,
    body: { spec: { hosts: [hash] } },
  };
}

const summary = (rows: RevisionRow[], existing: Set<string>) =>
  historyEvents(rows, existing).map((e) => [e.version, e.change, e.spansPrunedVersions]);

describe('historyEvents', () => {
  it('reads consecutive rows as modifications and a closed last row as a removal', () => {
    const rows = [row(1, 3, 'a'), row(3, 6, 'b')];
    expect(summary(rows, new Set())).toEqual([
      [1, 'added', false],
      [3, 'modified', false],
      [6, 'removed', false],
    ]);
  });

  it('reads a hole holding an existing version as removal and re-addition', () => {
    const rows = [row(1, 3, 'a'), row(5, null, 'a')];
    expect(rangesToCheck(rows)).toEqual([{ lo: 3, hi: 5 }]);
    expect(summary(rows, new Set([rangeKey({ lo: 3, hi: 5 })]))).toEqual([
      [1, 'added', false],
      [3, 'removed', false],
      [5, 'added', false],
    ]);
  });

  it('reads a hole of pruned versions as one flagged modification, or nothing when the content is equal', () => {
    expect(summary([row(1, 3, 'a'), row(5, null, 'b')], new Set())).toEqual([
      [1, 'added', false],
      [5, 'modified', true],
    ]);
    expect(summary([row(1, 3, 'a'), row(5, null, 'a')], new Set())).toEqual([[1, 'added', false]]);
  });

  it('flags a first row whose previous version was pruned (the object may have existed before)', () => {
    const rows = [row(4, null, 'a')];
    expect(rangesToCheck(rows)).toEqual([{ lo: 3, hi: 4 }]);
    expect(summary(rows, new Set())).toEqual([[4, 'added', true]]);
    expect(summary(rows, new Set([rangeKey({ lo: 3, hi: 4 })]))).toEqual([[4, 'added', false]]);
  });

  it('keeps objects apart', () => {
    const rows = [row(1, null, 'a', 'x'), row(2, 3, 'b', 'y')];
    expect(
      historyEvents(rows, new Set(['1:2'])).map((e) => `${e.objectId}@${e.version}:${e.change}`),
    ).toEqual(['x@1:added', 'y@2:added', 'y@3:removed']);
  });
});
