import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { gatewayPortNotOnServiceRule } from './port-not-on-service.rule.js';

const fixture = (file: string): string =>
  readFileSync(new URL(`./__fixtures__/port-not-on-service/${file}`, import.meta.url), 'utf8');

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
