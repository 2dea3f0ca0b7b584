import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { loadFixture } from '../testing/load-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { runRule } from '../testing/run-rule.js';
import { destinationHostExistsRule } from './destination-host-exists.rule.js';

const fixture = fixtureReader(import.meta.url, 'destination-host-exists');

describe('virtual-service/destination-host-exists (IST0101, KIA1101)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-registry.yaml', expected: [] },
    {
      fixture: 'bad-missing.yaml',
      expected: [
        'MESH1101 VirtualService prod/ratings spec.http[0].route[0].destination.host',
        'MESH1102 VirtualService prod/ratings spec.http[0].mirror.host',
      ],
    },
  ];
  it.each(table)('$fixture', ({ fixture: name, expected }) => {
    expect(findingsOf(destinationHostExistsRule, fixture(name))).toEqual([...expected].sort());
  });

  it('reports the host as written, with the Istio and Kiali codes (acceptance scenario 09)', () => {
    const { findings } = runRule(
      destinationHostExistsRule,
      loadFixture(fixture('bad-missing.yaml')).resources,
    );
    const route = findings.find((f) => f.code === 'MESH1101');
    expect(route).toMatchObject({
      istioCode: 'IST0101',
      kialiCode: 'KIA1101',
      level: 'Error',
      message: 'Referenced host not found: "ratings"',
    });
  });

  it('R3 a Service not exported to the VirtualService namespace is not found', () => {
    const text = `apiVersion: v1
kind: Service
metadata:
  name: private
  namespace: team-a
  annotations: {networking.istio.io/exportTo: .}
spec:
  selector: {app: private}
  ports: [{name: http, port: 80}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: caller, namespace: team-b}
spec:
  hosts: [private.team-a.svc.cluster.local]
  http:
  - route: [{destination: {host: private.team-a.svc.cluster.local}}]`;
    expect(findingsOf(destinationHostExistsRule, text)).toEqual([
      'MESH1101 VirtualService team-b/caller spec.http[0].route[0].destination.host',
    ]);
  });
});
