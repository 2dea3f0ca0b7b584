import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { hostInGatewayRule } from './host-in-gateway.rule.js';

const fixture = fixtureReader(import.meta.url, 'host-in-gateway');

describe('virtual-service/host-in-gateway (IST0132: R4 server hosts filter by VirtualService namespace)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-accepted.yaml', expected: [] },
    {
      fixture: 'bad-not-accepted.yaml',
      expected: [
        'MESH1106 VirtualService default/web spec.gateways[0]',
        'MESH1106 VirtualService default/web spec.gateways[1]',
      ],
    },
  ];
  it.each(table)('$fixture', ({ fixture: file, expected }) => {
    expect(findingsOf(hostInGatewayRule, fixture(file))).toEqual([...expected].sort());
  });
});
