import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { missingProxyRule } from './missing-proxy.rule.js';

const fixture = fixtureReader(import.meta.url, 'missing-proxy');

const pod = `apiVersion: v1
kind: Pod
metadata: {name: app, namespace: both}
spec:
  nodeName: node-a
  containers: [{name: app, image: app:1}]`;

describe('workload/missing-proxy (IST0103)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-injected-or-exempt.yaml', expected: [] },
    {
      fixture: 'bad-missing-proxy.yaml',
      expected: [
        'MESH1216 Pod payments/ledger-0 spec.containers',
        'MESH1216 Pod shop/cart-7d9f spec.containers',
      ],
    },
  ];
  it.each(table)('$fixture', ({ fixture: name, expected }) => {
    expect(findingsOf(missingProxyRule, fixture(name))).toEqual([...expected].sort());
  });

  it('a namespace with both injection labels is not treated as injected', () => {
    const namespace = `apiVersion: v1
kind: Namespace
metadata: {name: both, labels: {istio-injection: enabled, istio.io/rev: canary}}`;
    expect(findingsOf(missingProxyRule, `${namespace}\n---\n${pod}`)).toEqual([]);
  });

  it('the Istio namespace and pods of namespaces absent from the snapshot are not checked', () => {
    const system = `apiVersion: v1
kind: Namespace
metadata: {name: istio-system, labels: {istio-injection: enabled}}`;
    const inSystem = pod.replace('namespace: both', 'namespace: istio-system');
    expect(findingsOf(missingProxyRule, `${system}\n---\n${inSystem}`)).toEqual([]);
    expect(findingsOf(missingProxyRule, pod)).toEqual([]);
  });
});
