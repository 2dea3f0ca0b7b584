import { describe, expect, it } from 'vitest';
import { snapshotDigest } from './content-hash.js';
import { orderedSnapshotDigest, patchedSnapshotDigest, unitKey } from './snapshot-digest.js';
import type { ObjectToStore } from './snapshots.types.js';

function object(id: string, hash: string): ObjectToStore {
  return {
    id,
    hash,
    apiGroup: '',
    apiVersion: 'v1',
    kind: 'ConfigMap',
    namespace: 'ns',
    name: id,
    known: true,
    canonicalJson: '{}',
    sourceFile: null,
  };
}

/** A deterministic pseudo-random snapshot: ids share prefixes (`a/b` before `a/b-1`) on purpose. */
function snapshot(size: number, seed: number): ObjectToStore[] {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
  return Array.from({ length: size }, (_, i) =>
    object(`core/ConfigMap/ns-${next() % 7}/cm-${i % 3 === 0 ? `${i}` : `${i}-x`}`, `h${next()}`),
  );
}

describe('orderedSnapshotDigest', () => {
  it('gives snapshotDigest without a hint', () => {
    const objects = snapshot(500, 1);
    expect(orderedSnapshotDigest(objects, null).digest).toBe(snapshotDigest(objects));
  });

  it('gives snapshotDigest with the previous order as a hint after changes, additions and removals', () => {
    const before = snapshot(500, 2);
    const hint = orderedSnapshotDigest(before, null).state;
    const after = [
      ...before.slice(50).map((o, i) => (i % 9 === 0 ? object(o.id, `${o.hash}-changed`) : o)),
      object('core/ConfigMap/ns-0/new', 'n1'),
      object('core/ConfigMap/ns-6/cm-0-a', 'n2'),
      object('a', 'n3'),
    ];
    const result = orderedSnapshotDigest(after, hint);
    expect(result.digest).toBe(snapshotDigest(after));
    expect(result.state?.sortedIds).toEqual(after.map((o) => o.id).sort());
  });

  it('sorts whole lines when an id holds a space or a control character', () => {
    // `x` + space sorts after `x\t...` as a line, but before it as an id: the fast order would be wrong.
    const objects = [object('x', 'ff'), object('x\ty', '00'), object('x y', '11')];
    const result = orderedSnapshotDigest(objects, null);
    expect(result.state).toBeNull();
    expect(result.digest).toBe(snapshotDigest(objects));
  });
});

describe('patchedSnapshotDigest', () => {
  it('gives snapshotDigest when only some objects changed, and refuses new or missing ids', () => {
    const before = snapshot(300, 4);
    const state = orderedSnapshotDigest(before, null).state;
    if (state === null) {
      throw new Error('plain ids expected');
    }
    const changed = before.slice(0, 5).map((o) => object(o.id, `${o.hash}-new`));
    const after = [...changed, ...before.slice(5)];
    expect(patchedSnapshotDigest(state, 295, changed)?.digest).toBe(snapshotDigest(after));
    expect(patchedSnapshotDigest(state, 295, [...changed.slice(1), object('new', 'h')])).toBeNull();
    expect(patchedSnapshotDigest(state, 294, changed)).toBeNull();
  });
});

describe('patchedSnapshotDigest in place', () => {
  it('gives snapshotDigest for same-length hashes patched twice, leaving the earlier states intact', () => {
    const hex = (n: number) => n.toString(16).padStart(64, '0');
    const before = snapshot(300, 5).map((o, i) => object(`${o.id}-é${i}`, hex(i)));
    const first = orderedSnapshotDigest(before, null).state;
    if (first === null) {
      throw new Error('plain ids expected');
    }
    const changed = before.slice(10, 14).map((o, i) => object(o.id, hex(1000 + i)));
    const middle = [...before.slice(0, 10), ...changed, ...before.slice(14)];
    const second = patchedSnapshotDigest(first, 296, changed);
    expect(second?.digest).toBe(snapshotDigest(middle));
    const again = [object(before[0]?.id ?? '', hex(7)), object(before[12]?.id ?? '', 'short')];
    const last = middle.map((o) => again.find((a) => a.id === o.id) ?? o);
    const state = second?.state;
    if (state === undefined || state === null) {
      throw new Error('a state expected');
    }
    expect(patchedSnapshotDigest(state, 298, again)?.digest).toBe(snapshotDigest(last));
    // The earlier states still describe their own snapshots.
    expect(patchedSnapshotDigest(first, 300, [])?.digest).toBe(snapshotDigest(before));
    expect(patchedSnapshotDigest(state, 300, [])?.digest).toBe(snapshotDigest(middle));
  });
});

describe('unitKey', () => {
  it('tells apart texts that a latin1 or UTF-8 encoding would confuse', () => {
    expect(unitKey('s', '\u0100')).not.toBe(unitKey('s', '\u0000'));
    expect(unitKey('s', '\ud800')).not.toBe(unitKey('s', '\ud801'));
    expect(unitKey('s', 'é')).not.toBe(unitKey('s', 'Ã©'));
  });

  it('depends on the tag and is stable for a text', () => {
    expect(unitKey('s', 'a: 1\n')).toBe(unitKey('s', 'a: 1\n'));
    expect(unitKey('s', 'a: 1\n')).not.toBe(unitKey('j', 'a: 1\n'));
  });
});
