import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { kubernetesGatewayAddressConflictsRule as rule } from './address-conflicts.rule.js';

const fixture = fixtureReader(import.meta.url, 'address-conflicts');

describe('kubernetes-gateway/address-conflicts (KIA1502)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-distinct.yaml', expected: [] },
    {
      fixture: 'bad-same-address.yaml',
      expected: [
        'MESH2131 Gateway apps/a spec.addresses[0].value',
        'MESH2131 Gateway apps/b spec.addresses[1].value',
      ],
    },
  ];
  it.each(table)('$fixture', ({ fixture: name, expected }) => {
    expect(findingsOf(rule, fixture(name))).toEqual([...expected].sort());
  });

  it('one Gateway listing an address twice does not conflict with itself', () => {
    const text = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: a, namespace: apps}
spec:
  addresses: [{value: 10.1.1.1}, {type: IPAddress, value: 10.1.1.1}]`;
    expect(findingsOf(rule, text)).toEqual([]);
  });
});
