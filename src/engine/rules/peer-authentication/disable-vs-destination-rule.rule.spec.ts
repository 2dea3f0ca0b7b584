import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { loadFixture } from '../testing/load-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { runRule } from '../testing/run-rule.js';
import { peerAuthenticationDisableVsDestinationRuleRule as rule } from './disable-vs-destination-rule.rule.js';

const fixture = fixtureReader(import.meta.url, 'disable-vs-destination-rule');

describe('peer-authentication/disable-vs-destination-rule (KIA0505, KIA0506)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-disable-everywhere.yaml', expected: [] },
    {
      fixture: 'bad-mutual-into-disabled.yaml',
      expected: [
        'MESH3126 PeerAuthentication legacy/default spec.mtls.mode',
        'MESH3126 PeerAuthentication vault/default spec.mtls.mode',
        'MESH3127 PeerAuthentication istio-system/default spec.mtls.mode',
      ],
    },
  ];
  it.each(table)('$fixture', ({ fixture: name, expected }) => {
    expect(findingsOf(rule, fixture(name))).toEqual([...expected].sort());
  });

  it('R9 the message names the DestinationRule that still sends mTLS into the namespace', () => {
    const { resources } = loadFixture(fixture('bad-mutual-into-disabled.yaml'));
    const messages = runRule(rule, resources)
      .findings.map((f) => f.message)
      .sort();
    expect(messages).toEqual([
      'mTLS is disabled in namespace legacy, but DestinationRule istio-system/mesh-mtls makes clients send ISTIO_MUTUAL to it',
      'mTLS is disabled in namespace vault, but DestinationRule vault/vault-mutual makes clients send MUTUAL to it',
      'mTLS is disabled mesh-wide, but mesh-wide DestinationRule istio-system/mesh-mtls makes clients send ISTIO_MUTUAL',
    ]);
  });
});
