import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { portNameConventionRule } from './port-name-convention.rule.js';

const fixture = fixtureReader(import.meta.url, 'port-name-convention');

describe('service/port-name-convention (IST0118, IST0150, KIA0601)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-named.yaml', expected: [] },
    {
      fixture: 'bad-unnamed.yaml',
      expected: [
        'MESH2201 Service my-namespace1/my-service1 spec.ports[0].name',
        'MESH2201 Service my-namespace1/my-service1 spec.ports[1].name',
        'MESH2202 Service default/external spec.ports[0]',
      ],
    },
  ];
  it.each(table)('$fixture', ({ fixture: file, expected }) => {
    expect(findingsOf(portNameConventionRule, fixture(file))).toEqual([...expected].sort());
  });
});
