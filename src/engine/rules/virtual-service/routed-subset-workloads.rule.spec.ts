import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { routedSubsetWorkloadsRule } from './routed-subset-workloads.rule.js';

const fixture = fixtureReader(import.meta.url, 'routed-subset-workloads');

describe('virtual-service/routed-subset-workloads (own: R7 lookup, subset with no workload)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-v1.yaml', expected: [] },
    {
      fixture: 'bad-v2.yaml',
      expected: [
        'MESH1212 VirtualService default/reviews spec.http[0].route[1].destination.subset',
      ],
    },
  ];
  it.each(table)('$fixture', ({ fixture: file, expected }) => {
    expect(findingsOf(routedSubsetWorkloadsRule, fixture(file))).toEqual([...expected].sort());
  });
});
