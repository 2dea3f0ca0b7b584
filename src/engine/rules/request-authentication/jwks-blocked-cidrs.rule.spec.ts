import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { loadFixture } from '../testing/load-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { runRule } from '../testing/run-rule.js';
import { jwksBlockedCidrsRule } from './jwks-blocked-cidrs.rule.js';

const fixture = fixtureReader(import.meta.url, 'jwks-blocked-cidrs');

const istiod = `apiVersion: apps/v1
kind: Deployment
metadata: {name: istiod, namespace: istio-system, labels: {app: istiod}}
spec:
  template:
    spec:
      containers: [{name: discovery}]`;

function policies(count: number): string {
  return Array.from(
    { length: count },
    (_, i) => `apiVersion: security.istio.io/v1
kind: RequestAuthentication
metadata: {name: ra-${i}, namespace: ns}
spec: {}`,
  ).join('\n---\n');
}

describe('request-authentication/jwks-blocked-cidrs (IST0175)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-blocked-cidrs-set.yaml', expected: [] },
    {
      fixture: 'bad-unrestricted.yaml',
      expected: ['MESH3107 Deployment istio-system/istiod spec.template.spec.containers'],
    },
  ];
  it.each(table)('$fixture', ({ fixture: name, expected }) => {
    expect(findingsOf(jwksBlockedCidrsRule, fixture(name))).toEqual([...expected].sort());
  });

  it('lists five RequestAuthentications by name, then how many more', () => {
    const { resources } = loadFixture(`${policies(7)}\n---\n${istiod}`);
    const [finding] = runRule(jwksBlockedCidrsRule, resources).findings;
    expect(finding?.params).toEqual({
      count: 7,
      policies: 'ns/ra-0, ns/ra-1, ns/ra-2, ns/ra-3, ns/ra-4, and 2 more',
    });
  });

  it('reports nothing without RequestAuthentications', () => {
    expect(findingsOf(jwksBlockedCidrsRule, istiod)).toEqual([]);
  });
});
