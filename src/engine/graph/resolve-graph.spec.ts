import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadFolder,
  loadSharedFile,
  SCENARIOS_DIR,
  SHARED_DIR,
} from '../../../test/support/engine-fixtures.js';
import { app, graphOf, yamlOf } from '../testing/mesh-builders.js';
import { resolveGraph } from './resolve-graph.js';
import { routesFor } from './routing/routes-for.js';
import { visibleHosts } from './routing/visible-hosts.js';

const meshConfig = (mesh: string) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'istio', namespace: 'istio-system' },
  data: { mesh },
});

describe('resolveGraph', () => {
  it('reads mesh config from the istio ConfigMap of the root namespace (§0 defaults otherwise)', () => {
    const defaults = graphOf(yamlOf(...app('a', 'x')));
    expect(defaults.meshConfig).toMatchObject({
      rootNamespace: 'istio-system',
      trustDomain: 'cluster.local',
      outboundTrafficPolicy: 'ALLOW_ANY',
      enableAutoMtls: true,
      source: null,
    });
    const graph = graphOf(
      yamlOf(
        meshConfig('trustDomain: corp.example\noutboundTrafficPolicy:\n  mode: REGISTRY_ONLY\n'),
        ...app('a', 'x'),
      ),
    );
    expect(graph.meshConfig.source).toBe('istio-system/istio');
    expect(graph.workloadsById.get('a/x-v1')?.identity).toBe('spiffe://corp.example/ns/a/sa/x');
    expect(
      routesFor(graph, { kind: 'anonymous', namespace: 'a' }, 'unknown.example.com', 80).status,
    ).toBe('blackhole');
  });

  it('reports an unreadable mesh config instead of throwing', () => {
    const graph = graphOf(yamlOf(meshConfig('outboundTrafficPolicy: [unclosed')));
    expect(graph.notes[0]).toContain('data.mesh is not valid YAML');
  });

  it('resolves every corpus config and scenario without throwing, deterministically', () => {
    const configDir = join(SHARED_DIR, 'corpus/istio-samples/tests/testdata/config');
    const files = readdirSync(configDir).filter((f) => f.endsWith('.yaml'));
    const resources = files.flatMap((f) =>
      loadSharedFile(`corpus/istio-samples/tests/testdata/config/${f}`),
    );
    const graph = resolveGraph(resources);
    expect(graph.virtualServices.all.length).toBeGreaterThan(10);
    const snapshot = (g: typeof graph) =>
      JSON.stringify(
        g.gateways
          .map((gw) => [gw.id, gw.proxies])
          .concat(
            visibleHosts(g, { kind: 'anonymous', namespace: 'default' }).map((h) => [
              h.host,
              h.virtualService ?? '',
            ]),
          ),
      );
    expect(snapshot(resolveGraph([...resources].reverse()))).toBe(snapshot(graph));
    expect(() =>
      resolveGraph(loadFolder(join(SCENARIOS_DIR, '01-canary-10-percent', 'before'))),
    ).not.toThrow();
  });

  it('routes the Bookinfo samples: header match to v2 for jason, v1 otherwise', () => {
    const resources = [
      'corpus/istio-samples/samples/bookinfo/platform/kube/bookinfo.yaml',
      'corpus/istio-samples/samples/bookinfo/networking/destination-rule-all.yaml',
      'corpus/istio-samples/samples/bookinfo/networking/virtual-service-reviews-test-v2.yaml',
    ].flatMap((f) => loadSharedFile(f));
    const graph = resolveGraph(resources);
    const table = routesFor(
      graph,
      { kind: 'sidecar', workload: 'default/productpage-v1' },
      'reviews',
      9080,
    );
    expect(table.host).toBe('reviews.default.svc.cluster.local');
    expect(
      table.http.map((r) => [
        r.matches.map((m) => JSON.stringify(m.raw['headers'] ?? null)),
        r.destinations.map((d) => d.subset),
      ]),
    ).toEqual([
      [['{"end-user":{"exact":"jason"}}'], ['v2']],
      [[], ['v1']],
    ]);
  });
});
