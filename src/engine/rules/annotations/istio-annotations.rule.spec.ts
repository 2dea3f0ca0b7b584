import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { loadFixture } from '../testing/load-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { runRule } from '../testing/run-rule.js';
import { istioAnnotationsRule } from './istio-annotations.rule.js';

const fixture = fixtureReader(import.meta.url, 'istio-annotations');

function podWith(annotations: Record<string, string>): string {
  const lines = Object.entries(annotations).map(([k, v]) => `    ${k}: '${v}'`);
  return `apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: default
  annotations:
${lines.join('\n')}`;
}

describe('annotations/istio-annotations (IST0107, IST0108, IST0125, IST0135)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-known-annotations.yaml', expected: [] },
    {
      fixture: 'bad-annotations.yaml',
      expected: [
        'MESH2219 Namespace shop metadata.annotations[sidecar.istio.io/interceptionMode]',
        'MESH2220 Service shop/cart metadata.annotations[networking.istio.io/exportTO]',
        'MESH2219 Deployment shop/cart metadata.annotations[sidecar.istio.io/proxyCPU]',
        'MESH4107 Deployment shop/cart metadata.annotations[sidecar.istio.io/inject]',
        'MESH2219 Deployment shop/cart metadata.annotations[sidecar.istio.io/inject]',
        'MESH2220 Deployment shop/cart spec.template.metadata.annotations[sidecar.istio.io/proxyCPUs]',
        'MESH2221 Deployment shop/cart spec.template.metadata.annotations[traffic.sidecar.istio.io/excludeOutboundIPRanges]',
        'MESH4107 Deployment shop/cart spec.template.metadata.annotations[sidecar.istio.io/inject]',
        'MESH4107 Deployment shop/cart spec.template.metadata.annotations[sidecar.istio.io/statsInclusionPrefixes]',
        'MESH2221 Pod shop/debug metadata.annotations[status.sidecar.istio.io/port]',
        'MESH2221 Pod shop/debug metadata.annotations[sidecar.istio.io/interceptionMode]',
        'MESH2221 Pod shop/debug metadata.annotations[prometheus.istio.io/merge-metrics]',
      ],
    },
  ];
  it.each(table)('$fixture', ({ fixture: name, expected }) => {
    expect(findingsOf(istioAnnotationsRule, fixture(name))).toEqual([...expected].sort());
  });

  it('validates port lists, CIDR lists and counters like the sidecar injector', () => {
    const valid = podWith({
      'traffic.sidecar.istio.io/includeInboundPorts': '*',
      'traffic.sidecar.istio.io/excludeOutboundPorts': '',
      'traffic.sidecar.istio.io/includeOutboundIPRanges': '2001:db8::/32,192.168.0.0/16',
      'readiness.status.sidecar.istio.io/failureThreshold': '30',
    });
    expect(findingsOf(istioAnnotationsRule, valid)).toEqual([]);
    const invalid = podWith({
      'traffic.sidecar.istio.io/excludeInboundPorts': '8080,http',
      'traffic.sidecar.istio.io/includeOutboundIPRanges': '10.0.0.1',
      'traffic.sidecar.istio.io/excludeOutboundIPRanges': '010.0.0.0/8',
      'readiness.status.sidecar.istio.io/failureThreshold': '-1',
    });
    expect(findingsOf(istioAnnotationsRule, invalid)).toHaveLength(4);
  });

  it('names the kinds a misplaced annotation belongs on and the problem of an invalid one', () => {
    const { resources } = loadFixture(fixture('bad-annotations.yaml'));
    const params = runRule(istioAnnotationsRule, resources).findings.map((f) => f.params);
    expect(params).toContainEqual({
      annotation: 'sidecar.istio.io/interceptionMode',
      kinds: ['Pod'],
    });
    expect(params).toContainEqual({
      annotation: 'sidecar.istio.io/interceptionMode',
      problem: '"BOGUS" is not one of REDIRECT, TPROXY, NONE',
    });
  });

  it('ignores annotations outside Istio domains, and checks istio.io subdomains', () => {
    expect(findingsOf(istioAnnotationsRule, podWith({ 'example.com/istio.io': 'x' }))).toEqual([]);
    expect(findingsOf(istioAnnotationsRule, podWith({ 'foo.istio.io/bar': 'x' }))).toEqual([
      'MESH2220 Pod default/p metadata.annotations[foo.istio.io/bar]',
    ]);
  });
});
