import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { peerAuthenticationStrictWithoutDestinationRuleRule as rule } from './strict-without-destination-rule.rule.js';

const fixture = fixtureReader(import.meta.url, 'strict-without-destination-rule');

describe('peer-authentication/strict-without-destination-rule (KIA0401, KIA0501)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-auto-mtls-on.yaml', expected: [] },
    { fixture: 'ok-mesh-destination-rule.yaml', expected: [] },
    {
      fixture: 'bad-auto-mtls-off.yaml',
      expected: [
        'MESH3124 PeerAuthentication istio-system/default spec.mtls.mode',
        'MESH3125 PeerAuthentication payments/default spec.mtls.mode',
      ],
    },
  ];
  it.each(table)('$fixture', ({ fixture: name, expected }) => {
    expect(findingsOf(rule, fixture(name))).toEqual([...expected].sort());
  });

  it('R9 a namespace DestinationRule only backs the namespace its host names', () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata: {name: istio, namespace: istio-system}
data:
  mesh: "enableAutoMtls: false"
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default, namespace: payments}
spec: {mtls: {mode: STRICT}}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: payments-mtls, namespace: payments}
spec:
  host: '*.orders.svc.cluster.local'
  trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: payments-simple, namespace: payments}
spec:
  host: '*.payments.svc.cluster.local'
  trafficPolicy: {tls: {mode: SIMPLE}}`;
    expect(findingsOf(rule, text)).toEqual([
      'MESH3125 PeerAuthentication payments/default spec.mtls.mode',
    ]);
  });
});
