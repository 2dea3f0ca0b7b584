import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { conflictingGatewayServersRule } from './conflicting-servers.rule.js';

const fixture = (file: string): string =>
  readFileSync(new URL(`./__fixtures__/conflicting-servers/${file}`, import.meta.url), 'utf8');

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
