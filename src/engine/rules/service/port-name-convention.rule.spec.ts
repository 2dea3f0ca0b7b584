import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { portNameConventionRule } from './port-name-convention.rule.js';

const fixture = (file: string): string =>
  readFileSync(new URL(`./__fixtures__/port-name-convention/${file}`, import.meta.url), 'utf8');

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
