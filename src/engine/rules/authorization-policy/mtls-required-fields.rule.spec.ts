import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { authorizationMtlsRequiredFieldsRule as rule } from './mtls-required-fields.rule.js';

const fixture = fixtureReader(import.meta.url, 'mtls-required-fields');

describe('authorization-policy/mtls-required-fields (KIA0105)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-mtls.yaml', expected: [] },
    {
      fixture: 'bad-disabled.yaml',
      expected: [
        'MESH3120 AuthorizationPolicy legacy/allow-frontend spec.rules[0].from[0].source.namespaces',
        'MESH3120 AuthorizationPolicy legacy/allow-frontend spec.rules[0].from[0].source.principals',
        'MESH3120 AuthorizationPolicy legacy/allow-frontend spec.rules[0].when[0]',
        'MESH3120 AuthorizationPolicy payments/ledger-callers spec.rules[0].from[0].source.notPrincipals',
      ],
    },
    {
      fixture: 'bad-auto-mtls-off.yaml',
      expected: ['MESH3120 AuthorizationPolicy default/sni-only spec.rules[0].when[0]'],
    },
  ];
  it.each(table)('$fixture', ({ fixture: name, expected }) => {
    expect(findingsOf(rule, fixture(name))).toEqual([...expected].sort());
  });

  it('R9 a namespace DISABLE reaches the policies of that namespace only', () => {
    const text = `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default, namespace: istio-system}
spec: {mtls: {mode: STRICT}}
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default, namespace: legacy}
spec: {mtls: {mode: DISABLE}}
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: deny-web, namespace: legacy}
spec:
  action: DENY
  rules: [{from: [{source: {namespaces: [web]}}]}]
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: deny-web, namespace: default}
spec:
  action: DENY
  rules: [{from: [{source: {namespaces: [web]}}]}]`;
    expect(findingsOf(rule, text)).toEqual([
      'MESH3120 AuthorizationPolicy legacy/deny-web spec.rules[0].from[0].source.namespaces',
    ]);
  });
});
