import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { loadFixture } from '../testing/load-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { runRule } from '../testing/run-rule.js';
import { destinationRuleMtlsOverriddenRule as rule } from './mtls-overridden.rule.js';

const fixture = fixtureReader(import.meta.url, 'mtls-overridden');

describe('destination-rule/mtls-overridden (KIA0204)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-with-tls.yaml', expected: [] },
    {
      fixture: 'bad-no-tls.yaml',
      expected: [
        'MESH3121 DestinationRule default/ratings spec.trafficPolicy',
        'MESH3121 DestinationRule default/reviews spec.trafficPolicy',
        'MESH3121 DestinationRule payments/ledger spec.trafficPolicy',
      ],
    },
  ];
  it.each(table)('$fixture', ({ fixture: name, expected }) => {
    expect(findingsOf(rule, fixture(name))).toEqual([...expected].sort());
  });

  it('R2/R7 short hosts expand with the DestinationRule namespace; every hidden rule is named', () => {
    const { resources } = loadFixture(fixture('bad-no-tls.yaml'));
    const ledger = runRule(rule, resources).findings.find((f) => f.resource.name === 'ledger');
    expect(ledger?.params).toEqual({
      host: 'ledger.payments.svc.cluster.local',
      destinationRules: ['istio-system/mesh-mtls', 'payments/payments-mtls'],
    });
  });

  it('R7 an ISTIO_MUTUAL rule for the exact host is hidden by a second rule without TLS', () => {
    const text = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews-mtls, namespace: default}
spec:
  host: reviews.default.svc.cluster.local
  trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews-subsets, namespace: default}
spec:
  host: reviews
  subsets: [{name: v1, labels: {version: v1}}]`;
    expect(findingsOf(rule, text)).toEqual([
      'MESH3121 DestinationRule default/reviews-subsets spec.trafficPolicy',
    ]);
  });
});
