import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { workloadAuthorizationCoverageRule as rule } from './authorization-coverage.rule.js';

const fixture = fixtureReader(import.meta.url, 'authorization-coverage');

describe('workload/authorization-coverage (KIA1301)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-covered.yaml', expected: [] },
    {
      fixture: 'bad-uncovered.yaml',
      expected: [
        'MESH3128 Deployment shop/cart spec.template.metadata.labels',
        'MESH3128 Pod shop/debug metadata.labels',
      ],
    },
  ];
  it.each(table)('$fixture', ({ fixture: name, expected }) => {
    expect(findingsOf(rule, fixture(name))).toEqual([...expected].sort());
  });

  it('R10 policies with targetRefs never attach to sidecars, so they cover nothing', () => {
    const text = `apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {istio-injection: enabled}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: cart, namespace: shop}
spec:
  template:
    metadata: {labels: {app: cart}}
    spec: {containers: [{name: cart, image: shop/cart}]}
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: waypoint-allow, namespace: shop}
spec:
  targetRefs: [{kind: Gateway, group: gateway.networking.k8s.io, name: waypoint}]
  rules: [{}]`;
    expect(findingsOf(rule, text)).toEqual([
      'MESH3128 Deployment shop/cart spec.template.metadata.labels',
    ]);
  });
});
