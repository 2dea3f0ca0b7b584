import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { loadFixture } from '../testing/load-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { runRule } from '../testing/run-rule.js';
import { kubernetesGatewayListenerConflictsRule as rule } from './listener-conflicts.rule.js';

const fixture = fixtureReader(import.meta.url, 'listener-conflicts');

describe('kubernetes-gateway/listener-conflicts (KIA1501)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-distinct.yaml', expected: [] },
    {
      fixture: 'bad-same-listener.yaml',
      expected: [
        'MESH2130 Gateway apps/public spec.listeners[0].hostname',
        'MESH2130 Gateway edge/public spec.listeners[0].hostname',
      ],
    },
  ];
  it.each(table)('$fixture', ({ fixture: name, expected }) => {
    expect(findingsOf(rule, fixture(name))).toEqual([...expected].sort());
  });

  it('Gateways of the same name in other namespaces are different Gateways', () => {
    const { resources } = loadFixture(fixture('bad-same-listener.yaml'));
    const params = runRule(rule, resources).findings.map((f) => f.params);
    expect(params).toEqual([
      { listener: 'shop.example.com:80/HTTP', gateways: ['edge/public'] },
      { listener: 'shop.example.com:80/HTTP', gateways: ['apps/public'] },
    ]);
  });
});
