import { describe, expect, it } from 'vitest';
import {
  app,
  gatewayProxy,
  graphOf,
  istioObject,
  virtualService,
  yamlOf,
} from '../../testing/mesh-builders.js';
import { routesFor } from '../routing/routes-for.js';
import { DEFAULT_INGRESS_NOTE } from '../workloads/default-ingress.js';

function gateway(
  ns: string,
  name: string,
  hosts: string[],
  selector: Record<string, string> | null = { istio: 'ingressgateway' },
) {
  const spec = { servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts }] };
  return istioObject('Gateway', ns, name, selector === null ? spec : { ...spec, selector });
}

const base = [gatewayProxy('istio-system', 'ingress'), ...app('web', 'shop', ['v1', 'v2'])];
const sidecar = { kind: 'anonymous', namespace: 'web' } as const;
const viaGateway = { kind: 'gateway', gateway: 'web/gw' } as const;
const SHOP = 'shop.web.svc.cluster.local';

// getGatewayNames, initGateways (P/model/push_context.go); sourceMatchHTTP (P/networking/core/route/route.go);
// sanitizeServerHostNamespace (P/model/gateway.go); buildGatewayHTTPRouteConfig (P/networking/core/gateway.go).
describe('R4 gateway binding', () => {
  it('R4 a VirtualService without gateways binds to mesh only', () => {
    const graph = graphOf(
      yamlOf(
        ...base,
        gateway('web', 'gw', ['*']),
        virtualService('web', 'shop', {
          hosts: ['shop'],
          http: [{ route: [{ destination: { host: 'shop', subset: 'v2' } }] }],
        }),
      ),
    );
    expect(routesFor(graph, sidecar, SHOP, 80).status).toBe('routed');
    expect(routesFor(graph, viaGateway, SHOP, 80).status).toBe('no-route');
  });

  it('R4 a gateways list lacking mesh does not apply to sidecars; listing mesh applies to both', () => {
    const only = graphOf(
      yamlOf(
        ...base,
        gateway('web', 'gw', ['*']),
        virtualService('web', 'shop', {
          hosts: ['shop'],
          gateways: ['gw'],
          http: [{ route: [{ destination: { host: 'shop' } }] }],
        }),
      ),
    );
    expect(routesFor(only, sidecar, SHOP, 80).status).toBe('default');
    expect(routesFor(only, viaGateway, SHOP, 80).status).toBe('routed');
    const both = graphOf(
      yamlOf(
        ...base,
        gateway('web', 'gw', ['*']),
        virtualService('web', 'shop', {
          hosts: ['shop'],
          gateways: ['gw', 'mesh'],
          http: [{ route: [{ destination: { host: 'shop' } }] }],
        }),
      ),
    );
    expect(routesFor(both, sidecar, SHOP, 80).status).toBe('routed');
    expect(routesFor(both, viaGateway, SHOP, 80).status).toBe('routed');
  });

  it('R4 match.gateways narrows per match and replaces the sourceLabels check', () => {
    const graph = graphOf(
      yamlOf(
        ...base,
        gateway('web', 'gw', ['*']),
        virtualService('web', 'shop', {
          hosts: ['shop'],
          gateways: ['gw', 'mesh'],
          http: [
            {
              match: [{ gateways: ['mesh'], sourceLabels: { app: 'nobody' } }],
              route: [{ destination: { host: 'shop', subset: 'v2' } }],
            },
            { route: [{ destination: { host: 'shop', subset: 'v1' } }] },
          ],
        }),
      ),
    );
    // For the sidecar http[0] applies although its labels differ; with only gateways/sourceLabels
    // left it is a catch-all, so http[1] is never emitted (R5).
    expect(routesFor(graph, sidecar, SHOP, 80).http.map((r) => r.rule)).toEqual(['http[0]']);
    expect(routesFor(graph, viaGateway, SHOP, 80).http.map((r) => r.rule)).toEqual(['http[1]']);
  });

  it('R4 a Gateway selector picks gateway proxies in any namespace; no selector picks every gateway proxy', () => {
    const graph = graphOf(
      yamlOf(
        gatewayProxy('istio-system', 'ingress'),
        gatewayProxy('edge', 'edge-ingress'),
        gatewayProxy('edge', 'egress', 'egressgateway'),
        gateway('web', 'gw', ['*']),
        gateway('web', 'all', ['*'], null),
      ),
    );
    expect(graph.gatewaysById.get('web/gw')?.proxies).toEqual([
      'edge/edge-ingress',
      'istio-system/ingress',
    ]);
    expect(graph.gatewaysById.get('web/all')?.proxies).toEqual([
      'edge/edge-ingress',
      'edge/egress',
      'istio-system/ingress',
    ]);
  });

  it('R4 a workload selected by a Gateway is a gateway proxy and never a sidecar client', () => {
    const graph = graphOf(
      yamlOf(...app('web', 'edge', ['v1']), gateway('web', 'gw', ['*'], { app: 'edge' })),
    );
    const workload = graph.workloadsById.get('web/edge-v1');
    expect(workload?.isGatewayProxy).toBe(true);
    expect(
      routesFor(graph, { kind: 'sidecar', workload: 'web/edge-v1' }, SHOP, 80).notes[0],
    ).toContain('gateway proxy');
  });

  it('R4 the server host namespace filters the VirtualService namespace', () => {
    const graph = graphOf(
      yamlOf(
        ...base,
        ...app('other', 'api', ['v1']),
        gateway('web', 'gw', ['web/*.example.com']),
        virtualService('web', 'shop', {
          hosts: ['shop.example.com'],
          gateways: ['gw'],
          http: [{ route: [{ destination: { host: 'shop' } }] }],
        }),
        virtualService('other', 'api', {
          hosts: ['api.example.com'],
          gateways: ['web/gw'],
          http: [{ route: [{ destination: { host: 'api' } }] }],
        }),
      ),
    );
    expect(routesFor(graph, viaGateway, 'shop.example.com', 80).status).toBe('routed');
    expect(routesFor(graph, viaGateway, 'api.example.com', 80).status).toBe('no-route');
  });

  it('R4 ./host means the Gateway namespace', () => {
    const graph = graphOf(
      yamlOf(
        ...base,
        gateway('web', 'gw', ['./shop.example.com']),
        virtualService('web', 'shop', {
          hosts: ['shop.example.com'],
          gateways: ['gw'],
          http: [{ route: [{ destination: { host: 'shop' } }] }],
        }),
      ),
    );
    expect(graph.gateways[0]?.servers[0]?.hosts).toEqual([
      { namespace: 'web', host: 'shop.example.com' },
    ]);
    expect(routesFor(graph, viaGateway, 'shop.example.com', 80).status).toBe('routed');
  });

  it('R4 the virtual host is the narrower of server host and VS host; *.example.com does not bind example.com', () => {
    const graph = graphOf(
      yamlOf(
        ...base,
        gateway('web', 'gw', ['*.example.com']),
        virtualService('web', 'shop', {
          hosts: ['shop.example.com', 'example.com'],
          gateways: ['gw'],
          http: [{ route: [{ destination: { host: 'shop' } }] }],
        }),
      ),
    );
    expect(routesFor(graph, viaGateway, 'shop.example.com', 80).virtualHost).toBe(
      'shop.example.com',
    );
    expect(routesFor(graph, viaGateway, 'example.com', 80).status).toBe('no-route');
  });

  it('R4 without any istio=ingressgateway workload the default ingress gateway is assumed and noted', () => {
    const yaml = yamlOf(
      ...app('web', 'shop', ['v1']),
      gateway('web', 'gw', ['*']),
      virtualService('web', 'shop', {
        hosts: ['*'],
        gateways: ['gw'],
        http: [{ route: [{ destination: { host: 'shop' } }] }],
      }),
    );
    const assumed = graphOf(yaml);
    expect(assumed.gatewaysById.get('web/gw')?.proxies).toEqual([
      'istio-system/istio-ingressgateway',
    ]);
    expect(assumed.workloadsById.get('istio-system/istio-ingressgateway')?.isAssumed).toBe(true);
    expect(assumed.notes).toContain(DEFAULT_INGRESS_NOTE);
    expect(routesFor(assumed, viaGateway, 'x', 80).notes).toContain(DEFAULT_INGRESS_NOTE);
    const off = graphOf(yaml, { assumeDefaultIngressGateway: false });
    expect(off.gatewaysById.get('web/gw')?.proxies).toEqual([]);
    expect(routesFor(off, viaGateway, 'x', 80).status).toBe('no-route');
  });
});
