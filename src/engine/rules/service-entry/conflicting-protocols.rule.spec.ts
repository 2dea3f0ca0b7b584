import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { loadFixture } from '../testing/load-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { runRule } from '../testing/run-rule.js';
import { conflictingProtocolsRule } from './conflicting-protocols.rule.js';

const fixture = fixtureReader(import.meta.url, 'conflicting-protocols');

describe('service-entry/conflicting-protocols (IST0177)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-same-protocol-or-scope.yaml', expected: [] },
    {
      fixture: 'bad-conflicts.yaml',
      expected: [
        'MESH2113 ServiceEntry default/api-http spec.ports[0]',
        'MESH2113 ServiceEntry default/api-tcp spec.ports[1]',
        'MESH2113 ServiceEntry team-a/cache-local spec.ports[0]',
        'MESH2113 ServiceEntry team-b/cache-global spec.ports[0]',
      ],
    },
  ];
  it.each(table)('$fixture', ({ fixture: name, expected }) => {
    expect(findingsOf(conflictingProtocolsRule, fixture(name))).toEqual([...expected].sort());
  });

  it('names every ServiceEntry of the conflict and the protocols, sorted', () => {
    const { resources } = loadFixture(fixture('bad-conflicts.yaml'));
    const finding = runRule(conflictingProtocolsRule, resources).findings.find(
      (f) => f.resource.name === 'api-tcp',
    );
    expect(finding?.params).toEqual({
      serviceEntries: ['default/api-http', 'default/api-tcp'],
      host: 'api.example.com',
      port: 8080,
      protocols: ['HTTP', 'TCP'],
    });
  });

  it('reports a ServiceEntry once even when it conflicts on several hosts', () => {
    const text = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: a, namespace: default}
spec:
  hosts: [x.example.com, y.example.com]
  ports: [{name: http, number: 80, protocol: HTTP}]
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: b, namespace: default}
spec:
  hosts: [x.example.com, y.example.com]
  ports: [{name: tcp, number: 80, protocol: TCP}]`;
    expect(findingsOf(conflictingProtocolsRule, text)).toEqual([
      'MESH2113 ServiceEntry default/a spec.ports[0]',
      'MESH2113 ServiceEntry default/b spec.ports[0]',
    ]);
  });
});
