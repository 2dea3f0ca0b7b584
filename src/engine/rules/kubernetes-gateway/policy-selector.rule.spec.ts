import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { loadFixture } from '../testing/load-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { runRule } from '../testing/run-rule.js';
import { policySelectorRule } from './policy-selector.rule.js';

const fixture = fixtureReader(import.meta.url, 'policy-selector');

describe('kubernetes-gateway/policy-selector (IST0166)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-target-refs.yaml', expected: [] },
    {
      fixture: 'bad-selector.yaml',
      expected: [
        'MESH2223 AuthorizationPolicy edge/gateway-allow spec.selector',
        'MESH2223 RequestAuthentication edge/jwt spec.selector',
        'MESH2223 RequestAuthentication edge/jwt spec.selector',
        'MESH2223 Telemetry edge/edge-logs spec.selector',
        'MESH2223 Telemetry edge/edge-logs spec.selector',
      ],
    },
  ];
  it.each(table)('$fixture', ({ fixture: name, expected }) => {
    expect(findingsOf(policySelectorRule, fixture(name))).toEqual([...expected].sort());
  });

  it('names each Kubernetes Gateway the selector matches, once', () => {
    const { resources } = loadFixture(fixture('bad-selector.yaml'));
    const gateways = runRule(policySelectorRule, resources)
      .findings.filter((f) => f.resource.name === 'jwt')
      .map((f) => f.params['gateway']);
    expect(gateways).toEqual(['internal', 'public']);
  });
});
