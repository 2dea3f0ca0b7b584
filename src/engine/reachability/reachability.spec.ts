import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../model/json.js';
import {
  app,
  deployment,
  destinationRule,
  gatewayProxy,
  graphOf,
  istioObject,
  namespace,
  reachabilityOf,
  virtualService,
  yamlOf,
} from '../testing/mesh-builders.js';
import { generateSyntheticMesh } from '../testing/synthetic-mesh.js';
import { resolveGraph } from '../graph/resolve-graph.js';
import { computeReachability } from './compute-reachability.js';
import { edgesFrom, findEdge, hasEdge, listEdges } from './edges.js';

const subsets = destinationRule('b', 'svc', {
  host: 'svc',
  subsets: [
    { name: 'v1', labels: { version: 'v1' } },
    { name: 'v2', labels: { version: 'v2' } },
  ],
});
const client = deployment('a', 'client', { app: 'client' });
const base = [namespace('a'), namespace('b'), client, ...app('b', 'svc', ['v1', 'v2']), subsets];
const strict = (ns: string) =>
  istioObject('PeerAuthentication', ns, 'default', { mtls: { mode: 'STRICT' } });

describe('§0 reachability', () => {
  it('routes decide which workloads a sidecar reaches; weight 0 receives nothing', () => {
    const r = reachabilityOf(
      yamlOf(
        ...base,
        virtualService('b', 'svc', {
          hosts: ['svc'],
          http: [
            {
              route: [
                { destination: { host: 'svc', subset: 'v1' }, weight: 100 },
                { destination: { host: 'svc', subset: 'v2' }, weight: 0 },
              ],
            },
          ],
        }),
      ),
    );
    expect(hasEdge(r, 'a/client', 'b/svc-v1')).toBe(true);
    expect(hasEdge(r, 'a/client', 'b/svc-v2')).toBe(false);
    expect(findEdge(r, 'a/client', 'b/svc-v1')).toMatchObject({
      host: 'svc.b.svc.cluster.local',
      port: 80,
      route: 'b/svc#http[0]',
      subset: 'v1',
    });
  });

  it('a fault that aborts 100 % reaches nothing; a partial abort still reaches', () => {
    const fault = (value: number) =>
      virtualService('b', 'svc', {
        hosts: ['svc'],
        http: [
          {
            fault: { abort: { httpStatus: 500, percentage: { value } } },
            route: [{ destination: { host: 'svc' } }],
          },
        ],
      });
    expect(hasEdge(reachabilityOf(yamlOf(...base, fault(100))), 'a/client', 'b/svc-v1')).toBe(
      false,
    );
    expect(hasEdge(reachabilityOf(yamlOf(...base, fault(50))), 'a/client', 'b/svc-v1')).toBe(true);
  });

  it('redirects and direct responses deliver to no workload', () => {
    const r = reachabilityOf(
      yamlOf(
        ...base,
        virtualService('b', 'svc', {
          hosts: ['svc'],
          http: [
            { match: [{ uri: { prefix: '/old' } }], redirect: { uri: '/new' } },
            { directResponse: { status: 503 } },
          ],
        }),
      ),
    );
    expect(edgesFrom(r, 'a/client').filter((e) => e.to.startsWith('b/'))).toEqual([]);
  });

  it('plain clients bypass VirtualServices (kube-proxy) and are refused by STRICT workloads', () => {
    const yaml = (extra: JsonObject[]) =>
      yamlOf(
        ...base,
        namespace('legacy', {}),
        deployment('legacy', 'cron', { app: 'cron' }),
        virtualService('b', 'svc', {
          hosts: ['svc'],
          http: [{ route: [{ destination: { host: 'svc', subset: 'v1' } }] }],
        }),
        ...extra,
      );
    const open = reachabilityOf(yaml([]));
    expect(open.sourcesById.get('legacy/cron')?.kind).toBe('plain');
    // a/client has no Service, so nothing reaches it through kube-proxy.
    expect(edgesFrom(open, 'legacy/cron').map((e) => [e.to, e.route])).toEqual([
      ['b/svc-v1', 'kube-proxy'],
      ['b/svc-v2', 'kube-proxy'],
      ['istio-system/istio-ingressgateway', 'kube-proxy'],
    ]);
    const locked = reachabilityOf(yaml([strict('b')]));
    expect(hasEdge(locked, 'legacy/cron', 'b/svc-v1')).toBe(false);
    expect(hasEdge(locked, 'a/client', 'b/svc-v1')).toBe(true);
  });

  it('a DestinationRule forcing ISTIO_MUTUAL towards a workload without sidecar fails; auto mTLS does not', () => {
    const target = [namespace('legacy', {}), ...app('legacy', 'db', ['v1'])];
    expect(hasEdge(reachabilityOf(yamlOf(...base, ...target)), 'a/client', 'legacy/db-v1')).toBe(
      true,
    );
    const forced = destinationRule('legacy', 'db', {
      host: 'db',
      trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } },
    });
    expect(
      hasEdge(reachabilityOf(yamlOf(...base, ...target, forced)), 'a/client', 'legacy/db-v1'),
    ).toBe(false);
  });

  it('authorization: an ALLOW policy from one namespace admits sidecars of that namespace only', () => {
    const allowA = istioObject('AuthorizationPolicy', 'b', 'allow-a', {
      rules: [{ from: [{ source: { namespaces: ['a'] } }] }],
    });
    const r = reachabilityOf(yamlOf(...base, deployment('c', 'other', { app: 'other' }), allowA));
    expect(hasEdge(r, 'a/client', 'b/svc-v1')).toBe(true);
    expect(hasEdge(r, 'c/other', 'b/svc-v1')).toBe(false);
  });

  it('a hidden Service is still reached by passthrough with ALLOW_ANY (plaintext), not with REGISTRY_ONLY', () => {
    const hide = (mode: string) =>
      istioObject('Sidecar', 'a', 'default', {
        egress: [{ hosts: ['./*'] }],
        outboundTrafficPolicy: { mode },
      });
    const allowAny = reachabilityOf(yamlOf(...base, hide('ALLOW_ANY')));
    expect(findEdge(allowAny, 'a/client', 'b/svc-v1')?.route).toBe('passthrough');
    expect(
      hasEdge(
        reachabilityOf(yamlOf(...base, hide('ALLOW_ANY'), strict('b'))),
        'a/client',
        'b/svc-v1',
      ),
    ).toBe(false);
    expect(
      hasEdge(reachabilityOf(yamlOf(...base, hide('REGISTRY_ONLY'))), 'a/client', 'b/svc-v1'),
    ).toBe(false);
  });

  it('sourceLabels routing separates clients that differ only in the labels it reads', () => {
    const r = reachabilityOf(
      yamlOf(
        ...base,
        deployment('a', 'canary-client', { app: 'client', track: 'canary' }),
        virtualService('b', 'svc', {
          hosts: ['svc'],
          http: [
            {
              match: [{ sourceLabels: { track: 'canary' } }],
              route: [{ destination: { host: 'svc', subset: 'v2' } }],
            },
            { route: [{ destination: { host: 'svc', subset: 'v1' } }] },
          ],
        }),
      ),
    );
    expect(hasEdge(r, 'a/canary-client', 'b/svc-v2')).toBe(true);
    expect(hasEdge(r, 'a/canary-client', 'b/svc-v1')).toBe(false);
    expect(hasEdge(r, 'a/client', 'b/svc-v2')).toBe(false);
  });

  it('gateway proxies are not sources; the outside world is external:<gateway>', () => {
    const r = reachabilityOf(
      yamlOf(
        ...base,
        gatewayProxy('istio-system', 'ingress'),
        istioObject('Gateway', 'b', 'gw', {
          selector: { istio: 'ingressgateway' },
          servers: [{ port: { number: 8080, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }],
        }),
        virtualService('b', 'edge', {
          hosts: ['svc.example.com'],
          gateways: ['gw'],
          http: [{ route: [{ destination: { host: 'svc', subset: 'v2' } }] }],
        }),
      ),
    );
    expect(r.sourcesById.has('istio-system/ingress')).toBe(false);
    expect(edgesFrom(r, 'external:b/gw').map((e) => e.to)).toEqual(['b/svc-v2']);
    expect(r.exposures).toEqual([
      { gateway: 'b/gw', host: 'svc.example.com', port: 8080, protocol: 'HTTP' },
    ]);
  });

  it('a workload reaching only itself is not reachable', () => {
    const r = reachabilityOf(yamlOf(namespace('solo'), ...app('solo', 'only', ['v1'])), {
      assumeDefaultIngressGateway: false,
    });
    expect(listEdges(r)).toEqual([]);
    expect(r.sourcesById.get('solo/only-v1')?.edges.edges.map((e) => e.to)).toEqual([
      'solo/only-v1',
    ]);
    expect(r.unreachable).toEqual(['solo/only-v1']);
  });

  it('sharing namespace-insensitive hosts gives the same result as evaluating every namespace', () => {
    const sensitive = yamlOf(
      ...base,
      deployment('c', 'other', { app: 'other' }),
      virtualService('c', 'private', {
        hosts: ['svc.b.svc.cluster.local'],
        exportTo: ['.'],
        http: [{ route: [{ destination: { host: 'svc.b.svc.cluster.local', subset: 'v2' } }] }],
      }),
      destinationRule('a', 'client-side', {
        host: 'svc.b.svc.cluster.local',
        subsets: [{ name: 'v2', labels: { version: 'v1' } }],
      }),
    );
    const graph = graphOf(sensitive);
    const shared = listEdges(computeReachability(graph));
    expect(listEdges(computeReachability(graph, { shareAcrossNamespaces: false }))).toEqual(shared);
    expect(hasEdge(computeReachability(graph), 'c/other', 'b/svc-v2')).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const g = resolveGraph(
          generateSyntheticMesh({ objects: 300, namespaces: 4, seed }).resources,
        );
        const a = computeReachability(g);
        const b = computeReachability(g, { shareAcrossNamespaces: false });
        return (
          JSON.stringify(listEdges(a)) === JSON.stringify(listEdges(b)) &&
          JSON.stringify(a.unreachable) === JSON.stringify(b.unreachable)
        );
      }),
      { numRuns: 8 },
    );
  });
});
