import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { gatewaySelectorNoWorkloadRule } from './selector-no-workload.rule.js';

const fixture = (file: string): string =>
  readFileSync(new URL(`./__fixtures__/selector-no-workload/${file}`, import.meta.url), 'utf8');

describe('gateway/selector-no-workload (IST0101, KIA0302: §0 the default ingress gateway is assumed)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-selected.yaml', expected: [] },
    {
      fixture: 'bad-typo.yaml',
      expected: ['MESH1109 Gateway default/httpbin-gateway spec.selector'],
    },
  ];
  it.each(table)('$fixture', ({ fixture: file, expected }) => {
    expect(findingsOf(gatewaySelectorNoWorkloadRule, fixture(file))).toEqual([...expected].sort());
  });
});
