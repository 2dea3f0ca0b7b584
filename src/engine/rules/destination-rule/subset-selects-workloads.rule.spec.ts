import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { subsetSelectsWorkloadsRule } from './subset-selects-workloads.rule.js';

const fixture = fixtureReader(import.meta.url, 'subset-selects-workloads');

describe('destination-rule/subset-selects-workloads (IST0173, KIA0203)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-subsets-selected.yaml', expected: [] },
    {
      fixture: 'bad-label-drift.yaml',
      expected: ['MESH1112 DestinationRule default/reviews spec.subsets[0]'],
    },
  ];
  it.each(table)('$fixture', ({ fixture: name, expected }) => {
    expect(findingsOf(subsetSelectsWorkloadsRule, fixture(name))).toEqual([...expected].sort());
  });

  it('§2 workloads come from pod templates of every controller kind', () => {
    const text = `apiVersion: v1
kind: Service
metadata: {name: db, namespace: default}
spec:
  selector: {app: db}
  ports: [{name: tcp, port: 5432}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: default}
spec:
  template:
    metadata:
      labels: {app: db, role: primary}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: db, namespace: default}
spec:
  host: db
  subsets:
  - {name: primary, labels: {role: primary}}
  - {name: replica, labels: {role: replica}}`;
    expect(findingsOf(subsetSelectsWorkloadsRule, text)).toEqual([
      'MESH1112 DestinationRule default/db spec.subsets[1]',
    ]);
  });
});
