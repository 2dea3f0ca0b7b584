import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { gatewayPortNotOnServiceRule } from './port-not-on-service.rule.js';

const fixture = fixtureReader(import.meta.url, 'port-not-on-service');

describe('gateway/port-not-on-service (IST0162: Gateway ports are Service target ports)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-target-port.yaml', expected: [] },
    {
      fixture: 'bad-port.yaml',
      expected: ['MESH1110 Gateway default/web spec.servers[0].port.number'],
    },
  ];
  it.each(table)('$fixture', ({ fixture: file, expected }) => {
    expect(findingsOf(gatewayPortNotOnServiceRule, fixture(file))).toEqual([...expected].sort());
  });
});
