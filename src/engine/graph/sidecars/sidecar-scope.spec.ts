import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../model/json.js';
import { loadSharedFile } from '../../../../test/support/engine-fixtures.js';
import {
  app,
  deployment,
  graphOf,
  istioObject,
  namespace,
  virtualService,
  yamlOf,
} from '../../testing/mesh-builders.js';
import { resolveGraph } from '../resolve-graph.js';
import { routesFor } from '../routing/routes-for.js';
import { visibleHosts } from '../routing/visible-hosts.js';

const sidecar = (ns: string, name: string, spec: JsonObject) =>
  istioObject('Sidecar', ns, name, spec);

// initSidecarScopes / getSidecarScope (P/model/push_context.go); convertIstioListenerToWrapper,
// selectServices (P/model/sidecar.go); SelectVirtualServices (P/model/virtualservice.go).
describe('R8 Sidecar scoping', () => {
  it('R8 the oldest Sidecar whose selector matches wins over the namespace-wide one', () => {
    const yaml = yamlOf(
      deployment('a', 'client', { app: 'client' }),
      sidecar('a', 'ns-wide', { egress: [{ hosts: ['./*'] }] }),
      sidecar('a', 'sel-b', {
        workloadSelector: { labels: { app: 'client' } },
        egress: [{ hosts: ['b/*'] }],
      }),
      sidecar('a', 'sel-c', {
        workloadSelector: { labels: { app: 'client' } },
        egress: [{ hosts: ['c/*'] }],
      }),
    );
    const graph = graphOf(yaml);
    const scope = graph.sidecars.scopeFor('a', { app: 'client' });
    expect(scope.sidecar?.id).toBe('a/sel-b');
    expect(scope.notes[0]).toContain('creation order');
    expect(graph.sidecars.scopeFor('a', { app: 'other' }).sidecar?.id).toBe('a/ns-wide');
    const cOlder = graphOf(yaml, { creationOrder: (key) => (key.name === 'sel-c' ? 0 : 1) });
    expect(cOlder.sidecars.scopeFor('a', { app: 'client' }).sidecar?.id).toBe('a/sel-c');
  });

  it('R8 a root-namespace Sidecar applies where a namespace has none, and . means the workload namespace', () => {
    const resources = loadSharedFile(
      'corpus/istio-samples/tests/testdata/networking/sidecar-ns-scope/configs.yaml',
    );
    const graph = resolveGraph(resources, { rootNamespace: 'istio-config' });
    const hosts = visibleHosts(graph, { kind: 'anonymous', namespace: 'ns1' }).map((h) => h.host);
    expect(hosts).toEqual([
      'http1.ns1.svc.cluster.local',
      'http2.ns1.svc.cluster.local',
      'tcp1.ns1.svc.cluster.local',
    ]);
    expect(graph.sidecars.scopeFor('ns2', null).sidecar?.id).toBe(
      'istio-config/default-sidecar-scope',
    );
    expect(
      visibleHosts(graph, { kind: 'anonymous', namespace: 'ns2' }).every((h) =>
        h.host.endsWith('.ns2.svc.cluster.local'),
      ),
    ).toBe(true);
  });

  it('R8 egress namespaces match where a service is defined, not the namespace inside its FQDN', () => {
    const graph = graphOf(
      yamlOf(
        istioObject('ServiceEntry', 'registry', 'alias', {
          hosts: ['api.b.svc.cluster.local'],
          ports: [{ number: 80, name: 'http', protocol: 'HTTP' }],
        }),
        sidecar('a', 'default', { egress: [{ hosts: ['b/*'] }] }),
      ),
    );
    expect(visibleHosts(graph, { kind: 'anonymous', namespace: 'a' })).toEqual([]);
    const imported = graphOf(
      yamlOf(
        istioObject('ServiceEntry', 'registry', 'alias', {
          hosts: ['api.b.svc.cluster.local'],
          ports: [{ number: 80, name: 'http', protocol: 'HTTP' }],
        }),
        sidecar('a', 'default', { egress: [{ hosts: ['registry/api.b.svc.cluster.local'] }] }),
      ),
    );
    expect(
      visibleHosts(imported, { kind: 'anonymous', namespace: 'a' }).map((h) => h.host),
    ).toEqual(['api.b.svc.cluster.local']);
  });

  it('R8 ~ns/host excludes, and ~/* imports nothing', () => {
    const base = [...app('b', 'x', ['v1']), ...app('b', 'y', ['v1'])];
    const excluded = graphOf(
      yamlOf(
        ...base,
        sidecar('a', 'default', { egress: [{ hosts: ['b/*', '~b/y.b.svc.cluster.local'] }] }),
      ),
    );
    expect(
      visibleHosts(excluded, { kind: 'anonymous', namespace: 'a' }).map((h) => h.host),
    ).toEqual(['x.b.svc.cluster.local']);
    const nothing = graphOf(
      yamlOf(...base, sidecar('a', 'default', { egress: [{ hosts: ['~/*'] }] })),
    );
    expect(visibleHosts(nothing, { kind: 'anonymous', namespace: 'a' })).toEqual([]);
  });

  it('R8 malformed egress hosts (not exactly one /) are ignored', () => {
    const graph = graphOf(
      yamlOf(sidecar('a', 'default', { egress: [{ hosts: ['reviews', 'a/b/c', './*'] }] })),
    );
    expect(graph.sidecars.sidecars[0]?.ignoredHosts).toEqual(['reviews', 'a/b/c']);
  });

  it('R8 hidden hosts pass through with ALLOW_ANY and are dropped with REGISTRY_ONLY', () => {
    const base = [...app('b', 'x', ['v1'])];
    const allowAny = graphOf(
      yamlOf(...base, sidecar('a', 'default', { egress: [{ hosts: ['./*'] }] })),
    );
    expect(
      routesFor(allowAny, { kind: 'anonymous', namespace: 'a' }, 'x.b.svc.cluster.local', 80)
        .status,
    ).toBe('passthrough');
    const registryOnly = graphOf(
      yamlOf(
        ...base,
        sidecar('a', 'default', {
          egress: [{ hosts: ['./*'] }],
          outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' },
        }),
      ),
    );
    expect(
      routesFor(registryOnly, { kind: 'anonymous', namespace: 'a' }, 'x.b.svc.cluster.local', 80)
        .status,
    ).toBe('blackhole');
  });

  it('an outboundTrafficPolicy without a mode is REGISTRY_ONLY (proto3 enum zero, P/model/sidecar.go ConvertToSidecarScope; Kiali KIA1007)', () => {
    const graph = graphOf(
      yamlOf(
        ...app('b', 'x', ['v1']),
        sidecar('a', 'default', { egress: [{ hosts: ['./*'] }], outboundTrafficPolicy: {} }),
      ),
    );
    expect(graph.sidecars.sidecars[0]?.outboundTrafficPolicy).toBe('REGISTRY_ONLY');
    expect(
      routesFor(graph, { kind: 'anonymous', namespace: 'a' }, 'x.b.svc.cluster.local', 80).status,
    ).toBe('blackhole');
  });

  it('R8 the same hostname from several namespaces: the workload namespace wins, else a Service beats a ServiceEntry', () => {
    const entry = (ns: string) =>
      istioObject('ServiceEntry', ns, 'dup', {
        hosts: ['x.b.svc.cluster.local'],
        ports: [{ number: 80, name: 'http', protocol: 'HTTP' }],
      });
    const graph = graphOf(yamlOf(...app('b', 'x', ['v1']), entry('a'), entry('c')));
    const host = 'x.b.svc.cluster.local';
    expect(routesFor(graph, { kind: 'anonymous', namespace: 'a' }, host, 80).service?.uid).toBe(
      `ServiceEntry:a/dup:${host}`,
    );
    expect(routesFor(graph, { kind: 'anonymous', namespace: 'c' }, host, 80).service?.uid).toBe(
      `ServiceEntry:c/dup:${host}`,
    );
    expect(routesFor(graph, { kind: 'anonymous', namespace: 'd' }, host, 80).service?.uid).toBe(
      'Service:b/x',
    );
  });

  it('R8 only VirtualServices of imported namespaces apply', () => {
    const graph = graphOf(
      yamlOf(
        namespace('a'),
        ...app('b', 'x', ['v1', 'v2']),
        virtualService('c', 'x-route', {
          hosts: ['x.b.svc.cluster.local'],
          http: [{ route: [{ destination: { host: 'x.b.svc.cluster.local', subset: 'v2' } }] }],
        }),
        sidecar('a', 'default', { egress: [{ hosts: ['b/*'] }] }),
      ),
    );
    expect(
      routesFor(graph, { kind: 'anonymous', namespace: 'a' }, 'x.b.svc.cluster.local', 80).status,
    ).toBe('default');
    expect(
      routesFor(graph, { kind: 'anonymous', namespace: 'd' }, 'x.b.svc.cluster.local', 80)
        .virtualServices,
    ).toEqual(['c/x-route']);
  });
});
