import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { loadFixture } from '../testing/load-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { runRule } from '../testing/run-rule.js';
import { kubernetesGatewayDuplicateListenersRule as rule } from './duplicate-listeners.rule.js';

const fixture = fixtureReader(import.meta.url, 'duplicate-listeners');

describe('kubernetes-gateway/duplicate-listeners (KIA1503)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-unique.yaml', expected: [] },
    {
      fixture: 'bad-not-unique.yaml',
      expected: [
        'MESH2132 Gateway apps/dup spec.listeners[0].name',
        'MESH2132 Gateway apps/dup spec.listeners[1].name',
        'MESH2132 Gateway apps/dup spec.listeners[2].name',
        'MESH2132 Gateway apps/dup spec.listeners[3].name',
      ],
    },
  ];
  it.each(table)('$fixture', ({ fixture: name, expected }) => {
    expect(findingsOf(rule, fixture(name))).toEqual([...expected].sort());
  });

  it('two absent hostnames are the same hostname (Gateway API CRD uniqueness rule)', () => {
    const { resources } = loadFixture(fixture('bad-not-unique.yaml'));
    const messages = runRule(rule, resources).findings.map((f) => f.message);
    expect(messages).toContain(
      'Listener any-1 has the same hostname, port and protocol as listener(s) [any-2] of this Gateway',
    );
  });
});
