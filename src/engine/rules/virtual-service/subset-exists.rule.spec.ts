import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { subsetExistsRule } from './subset-exists.rule.js';

const fixture = fixtureReader(import.meta.url, 'subset-exists');

describe('virtual-service/subset-exists (IST0101, KIA1107)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-defined.yaml', expected: [] },
    {
      fixture: 'bad-bogus.yaml',
      expected: [
        'MESH1107 VirtualService default/reviews-bogus spec.http[0].mirror.subset',
        'MESH1107 VirtualService default/reviews-bogus spec.http[0].route[0].destination.subset',
        'MESH1107 VirtualService prod/reviews spec.http[0].route[0].destination.subset',
      ],
    },
  ];
  it.each(table)('$fixture', ({ fixture: name, expected }) => {
    expect(findingsOf(subsetExistsRule, fixture(name))).toEqual([...expected].sort());
  });

  it('R2 route hosts expand with the VirtualService namespace, DR hosts with the DR namespace', () => {
    const text = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: prod}
spec:
  host: reviews
  subsets: [{name: v1, labels: {version: v1}}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: from-default, namespace: default}
spec:
  hosts: [reviews.prod.svc.cluster.local]
  tcp:
  - route: [{destination: {host: reviews.prod.svc.cluster.local, subset: v1}}]
  tls:
  - match: [{sniHosts: [reviews]}]
    route: [{destination: {host: reviews, subset: v1}}]`;
    expect(findingsOf(subsetExistsRule, text)).toEqual([
      'MESH1107 VirtualService default/from-default spec.tls[0].route[0].destination.subset',
    ]);
  });
});
