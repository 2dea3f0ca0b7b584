import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { conflictingGatewayServersRule } from './conflicting-servers.rule.js';

const fixture = fixtureReader(import.meta.url, 'conflicting-servers');

describe('gateway/conflicting-servers (IST0145, KIA0301)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-distinct.yaml', expected: [] },
    {
      fixture: 'bad-same-host-port.yaml',
      expected: [
        'MESH2101 Gateway default/alpha spec.servers[0]',
        'MESH2101 Gateway default/beta spec.servers[0]',
        'MESH2101 Gateway default/beta spec.servers[1]',
        'MESH2101 Gateway default/gamma spec.servers[0]',
      ],
    },
  ];
  it.each(table)('$fixture', ({ fixture: file, expected }) => {
    expect(findingsOf(conflictingGatewayServersRule, fixture(file))).toEqual([...expected].sort());
  });
});
