import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { conflictingMeshHostsRule } from './conflicting-mesh-hosts.rule.js';

const fixture = fixtureReader(import.meta.url, 'conflicting-mesh-hosts');

describe('virtual-service/conflicting-mesh-hosts (IST0109, KIA1106: R5 sidecars keep one VirtualService per host)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-scoped.yaml', expected: [] },
    {
      fixture: 'bad-same-host.yaml',
      expected: [
        'MESH2102 VirtualService bar/everything-d spec.hosts',
        'MESH2102 VirtualService default/reviews spec.hosts',
        'MESH2102 VirtualService default/reviews-canary spec.hosts',
        'MESH2102 VirtualService foo/productpage-d spec.hosts',
      ],
    },
  ];
  it.each(table)('$fixture', ({ fixture: file, expected }) => {
    expect(findingsOf(conflictingMeshHostsRule, fixture(file))).toEqual([...expected].sort());
  });
});
