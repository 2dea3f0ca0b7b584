import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { destinationRuleMtlsWithoutPeerAuthenticationRule as rule } from './mtls-without-peer-authentication.rule.js';

const fixture = fixtureReader(import.meta.url, 'mtls-without-peer-authentication');

describe('destination-rule/mtls-without-peer-authentication (KIA0205, KIA0206)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-mesh-policy.yaml', expected: [] },
    {
      fixture: 'bad-no-policy.yaml',
      expected: [
        'MESH3122 DestinationRule istio-system/mesh-mtls spec.trafficPolicy.tls.mode',
        'MESH3123 DestinationRule payments/payments-mtls spec.trafficPolicy.tls.mode',
      ],
    },
  ];
  it.each(table)('$fixture', ({ fixture: name, expected }) => {
    expect(findingsOf(rule, fixture(name))).toEqual([...expected].sort());
  });

  it('R9 a DISABLE mesh policy does not enable mTLS, and the host names the namespace checked', () => {
    const text = `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default, namespace: istio-system}
spec: {mtls: {mode: DISABLE}}
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default, namespace: orders}
spec: {mtls: {mode: STRICT}}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: orders-from-default, namespace: default}
spec:
  host: '*.orders.svc.cluster.local'
  trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: shipping, namespace: default}
spec:
  host: '*.shipping.svc.cluster.local'
  trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}`;
    expect(findingsOf(rule, text)).toEqual([
      'MESH3123 DestinationRule default/shipping spec.trafficPolicy.tls.mode',
    ]);
  });
});
