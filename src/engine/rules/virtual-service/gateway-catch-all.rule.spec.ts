import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { gatewayCatchAllRule } from './gateway-catch-all.rule.js';

const fixture = fixtureReader(import.meta.url, 'gateway-catch-all');

describe('virtual-service/gateway-catch-all (own: R5 gateways merge VirtualServices, catch-alls last)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-one-catch-all.yaml', expected: [] },
    {
      fixture: 'bad-two-catch-alls.yaml',
      expected: ['MESH2112 VirtualService default/b-fallback spec.http[0]'],
    },
  ];
  it.each(table)('$fixture', ({ fixture: file, expected }) => {
    expect(findingsOf(gatewayCatchAllRule, fixture(file))).toEqual([...expected].sort());
  });
});
