import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { loadFixture } from '../testing/load-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { runRule } from '../testing/run-rule.js';
import { sidecarOutboundModeUnsetRule as rule } from './outbound-mode-unset.rule.js';

const fixture = fixtureReader(import.meta.url, 'outbound-mode-unset');

describe('sidecar/outbound-mode-unset (KIA1007)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-mode-set.yaml', expected: [] },
    {
      fixture: 'bad-no-mode.yaml',
      expected: [
        'MESH2241 Sidecar billing/empty-mode spec.outboundTrafficPolicy',
        'MESH2241 Sidecar shop/default spec.outboundTrafficPolicy',
      ],
    },
  ];
  it.each(table)('$fixture', ({ fixture: name, expected }) => {
    expect(findingsOf(rule, fixture(name))).toEqual([...expected].sort());
  });

  it('R8 the message names the mesh default the Sidecar replaces', () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata: {name: istio, namespace: istio-system}
data:
  mesh: "outboundTrafficPolicy: {mode: REGISTRY_ONLY}"
---
apiVersion: networking.istio.io/v1
kind: Sidecar
metadata: {name: default, namespace: shop}
spec: {outboundTrafficPolicy: {}}`;
    const [finding] = runRule(rule, loadFixture(text).resources).findings;
    expect(finding?.message).toBe(
      'outboundTrafficPolicy sets no mode, so its workloads get REGISTRY_ONLY (the mesh default is REGISTRY_ONLY)',
    );
    const [byDefault] = runRule(rule, loadFixture(fixture('bad-no-mode.yaml')).resources).findings;
    expect(byDefault?.params).toEqual({ meshMode: 'ALLOW_ANY' });
  });
});
