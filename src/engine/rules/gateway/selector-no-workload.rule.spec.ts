import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { gatewaySelectorNoWorkloadRule } from './selector-no-workload.rule.js';

const fixture = fixtureReader(import.meta.url, 'selector-no-workload');

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
