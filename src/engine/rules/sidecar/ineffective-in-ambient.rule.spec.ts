import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { loadFixture } from '../testing/load-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { runRule } from '../testing/run-rule.js';
import { ineffectiveInAmbientRule } from './ineffective-in-ambient.rule.js';

const fixture = fixtureReader(import.meta.url, 'ineffective-in-ambient');

describe('sidecar/ineffective-in-ambient (IST0167)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-sidecar-mode.yaml', expected: [] },
    {
      fixture: 'bad-ambient.yaml',
      expected: [
        'MESH2224 Sidecar pay/ledger spec.workloadSelector.labels',
        'MESH2224 Sidecar shop/default metadata.namespace',
      ],
    },
  ];
  it.each(table)('$fixture', ({ fixture: name, expected }) => {
    expect(findingsOf(ineffectiveInAmbientRule, fixture(name))).toEqual([...expected].sort());
  });

  it('says whether the namespace or the selected workload is in ambient mode', () => {
    const { resources } = loadFixture(fixture('bad-ambient.yaml'));
    const reasons = runRule(ineffectiveInAmbientRule, resources).findings.map(
      (f) => `${f.resource.name}: ${String(f.params['reason'])}`,
    );
    expect(reasons).toEqual([
      'default: namespace is in ambient mode, the policy has no impact',
      'ledger: selected workload is in ambient mode, the policy has no impact',
    ]);
  });

  it('a namespace absent from the snapshot is not taken to be in ambient mode', () => {
    const text = `apiVersion: networking.istio.io/v1
kind: Sidecar
metadata: {name: default, namespace: unknown}
spec:
  egress: [{hosts: ['./*']}]`;
    expect(findingsOf(ineffectiveInAmbientRule, text)).toEqual([]);
  });
});
