import { describe, expect, it } from 'vitest';
import type { ResourceKey } from '../../model/resource.js';
import { creationNote, makeCreationComparator, orderIsAssumed } from './creation-order.js';

const item = (name: string, namespace: string, createdAt: string | null = null) => ({
  key: {
    group: 'networking.istio.io',
    kind: 'VirtualService',
    namespace,
    name,
  } satisfies ResourceKey,
  createdAt,
});

// configCompareByCreationTime (P/model/config.go); SEMANTICS §0 "Creation order".
describe('R12 creation time', () => {
  it('R12 without timestamps the order is name, then namespace', () => {
    const sorted = [item('b', 'x'), item('a', 'z'), item('a', 'y')].sort(
      makeCreationComparator(undefined),
    );
    expect(sorted.map((i) => `${i.key.namespace}/${i.key.name}`)).toEqual(['y/a', 'z/a', 'x/b']);
  });

  it('R12 an explicit rank (base objects before added ones) decides first', () => {
    const added = new Set(['a']);
    const compare = makeCreationComparator((key) => (added.has(key.name) ? 1 : 0));
    const sorted = [item('a', 'x'), item('b', 'x')].sort(compare);
    expect(sorted.map((i) => i.key.name)).toEqual(['b', 'a']);
  });

  it('R12 real creationTimestamps are honoured when both objects carry one', () => {
    const sorted = [
      item('a', 'x', '2024-02-01T00:00:00Z'),
      item('b', 'x', '2024-01-01T00:00:00Z'),
    ].sort(makeCreationComparator(undefined));
    expect(sorted.map((i) => i.key.name)).toEqual(['b', 'a']);
  });

  it('R12 outcomes that depend on the rule are flagged', () => {
    expect(orderIsAssumed([item('a', 'x')])).toBe(false);
    expect(orderIsAssumed([item('a', 'x'), item('b', 'x')])).toBe(true);
    expect(orderIsAssumed([item('a', 'x', '2024'), item('b', 'x', '2025')])).toBe(false);
    expect(creationNote('the Sidecar choice', [item('a', 'x'), item('b', 'x')])).toContain(
      'x/a, x/b',
    );
  });
});
