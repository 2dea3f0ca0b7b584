import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { loadFixture } from '../testing/load-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { runRule } from '../testing/run-rule.js';
import { serviceEntryWorkloadEntryAddressesRule as rule } from './workload-entry-addresses.rule.js';

const fixture = fixtureReader(import.meta.url, 'workload-entry-addresses');

describe('service-entry/workload-entry-addresses (KIA1201)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-all-listed.yaml', expected: [] },
    {
      fixture: 'bad-missing-address.yaml',
      expected: ['MESH2240 ServiceEntry default/vm-svc spec.addresses'],
    },
  ];
  it.each(table)('$fixture', ({ fixture: name, expected }) => {
    expect(findingsOf(rule, fixture(name))).toEqual([...expected].sort());
  });

  it('only WorkloadEntries of the ServiceEntry namespace are selected', () => {
    const { resources } = loadFixture(fixture('bad-missing-address.yaml'));
    const [finding] = runRule(rule, resources).findings;
    expect(finding?.params).toEqual({ addresses: ['10.0.0.2'] });
  });

  it('a ServiceEntry without addresses misses every selected address, listed once each', () => {
    const text = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: vm-svc, namespace: default}
spec:
  hosts: [vm.example.internal]
  location: MESH_INTERNAL
  workloadSelector: {labels: {app: vm}}
---
apiVersion: networking.istio.io/v1
kind: WorkloadEntry
metadata: {name: vm-b, namespace: default}
spec: {address: 10.0.0.9, labels: {app: vm}}
---
apiVersion: networking.istio.io/v1
kind: WorkloadEntry
metadata: {name: vm-a, namespace: default}
spec: {address: 10.0.0.10, labels: {app: vm}}
---
apiVersion: networking.istio.io/v1
kind: WorkloadEntry
metadata: {name: vm-a-copy, namespace: default}
spec: {address: 10.0.0.10, labels: {app: vm}}`;
    const [finding] = runRule(rule, loadFixture(text).resources).findings;
    expect(finding?.params).toEqual({ addresses: ['10.0.0.10', '10.0.0.9'] });
  });
});
