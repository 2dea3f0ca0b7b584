import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { loadFixture } from '../testing/load-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { runRule } from '../testing/run-rule.js';
import { jwtClaimRouteRule } from './jwt-claim-route.rule.js';

const fixture = fixtureReader(import.meta.url, 'jwt-claim-route');

describe('virtual-service/jwt-claim-route (IST0149)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-authenticated.yaml', expected: [] },
    {
      fixture: 'bad-no-request-authentication.yaml',
      expected: [
        'MESH1219 VirtualService default/claims spec.http[1].match[0].withoutHeaders[@request.auth.claims.group]',
      ],
    },
  ];
  it.each(table)('$fixture', ({ fixture: name, expected }) => {
    expect(findingsOf(jwtClaimRouteRule, fixture(name))).toEqual([...expected].sort());
  });

  it('names the claim, the gateway and its workload', () => {
    const { resources } = loadFixture(fixture('bad-no-request-authentication.yaml'));
    const [finding] = runRule(jwtClaimRouteRule, resources).findings;
    expect(finding?.params).toEqual({
      key: '@request.auth.claims.group',
      gateway: 'istio-system/public',
      workload: 'ingressgateway',
    });
  });

  it('a RequestAuthentication without selector in the gateway namespace covers its workloads', () => {
    const text = fixture('bad-no-request-authentication.yaml').replace(
      'selector:\n    matchLabels: { app: api }\n',
      '',
    );
    expect(findingsOf(jwtClaimRouteRule, text)).toEqual([]);
  });
});
