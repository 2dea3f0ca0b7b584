import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { loadFixture } from '../testing/load-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { runRule } from '../testing/run-rule.js';
import { ingressSubsetRoutingRule } from './ingress-subset-routing.rule.js';

const fixture = fixtureReader(import.meta.url, 'ingress-subset-routing');

describe('virtual-service/ingress-subset-routing (IST0140)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-subsets-everywhere.yaml', expected: [] },
    {
      fixture: 'bad-gateway-without-subset.yaml',
      expected: [
        'MESH2222 VirtualService default/edge spec.http[0].route[0].destination',
        'MESH2222 VirtualService default/edge spec.http[0].route[0].destination',
      ],
    },
  ];
  it.each(table)('$fixture', ({ fixture: name, expected }) => {
    expect(findingsOf(ingressSubsetRoutingRule, fixture(name))).toEqual([...expected].sort());
  });

  it('R2 names each VirtualService whose subset routing the gateway route bypasses', () => {
    const { resources } = loadFixture(fixture('bad-gateway-without-subset.yaml'));
    const params = runRule(ingressSubsetRoutingRule, resources).findings.map((f) => f.params);
    expect(params).toEqual([
      { virtualService: 'default/reviews', routing: 'default/edge' },
      { virtualService: 'default/reviews-canary', routing: 'default/edge' },
    ]);
  });
});
