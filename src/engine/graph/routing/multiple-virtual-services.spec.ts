import { describe, expect, it } from 'vitest';
import {
  app,
  deployment,
  gatewayProxy,
  graphOf,
  istioObject,
  virtualService,
  yamlOf,
} from '../../testing/mesh-builders.js';
import { routesFor } from './routes-for.js';

const SHOP = 'shop.web.svc.cluster.local';
const base = [gatewayProxy('istio-system', 'ingress'), ...app('web', 'shop', ['v1', 'v2'])];
const gw = istioObject('Gateway', 'web', 'gw', {
  selector: { istio: 'ingressgateway' },
  servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }],
});
const to = (subset: string) => [{ destination: { host: 'shop', subset } }];

// VirtualServicesForGateway (P/model/push_context.go), buildGatewayHTTPRouteConfig (P/networking/core/gateway.go),
// SortVHostRoutes / BuildHTTPRoutesForVirtualService / BuildSidecarVirtualHostWrapper (P/networking/core/route/route.go).
describe('R5 several VirtualServices for one host', () => {
  it('R5 gateways merge the VirtualServices of a host in order and move catch-all routes last', () => {
    const graph = graphOf(
      yamlOf(
        ...base,
        gw,
        virtualService('web', 'a-first', {
          hosts: ['shop.example.com'],
          gateways: ['gw'],
          http: [{ match: [{ uri: { exact: '/a' } }], route: to('v1') }, { route: to('v1') }],
        }),
        virtualService('web', 'b-second', {
          hosts: ['shop.example.com'],
          gateways: ['gw'],
          http: [{ match: [{ uri: { prefix: '/b' } }], route: to('v2') }],
        }),
      ),
    );
    const table = routesFor(graph, { kind: 'gateway', gateway: 'web/gw' }, 'shop.example.com', 80);
    expect(table.http.map((r) => r.ref)).toEqual([
      'web/a-first#http[0]',
      'web/b-second#http[0]',
      'web/a-first#http[1]',
    ]);
    expect(table.virtualServices).toEqual(['web/a-first', 'web/b-second']);
    expect(table.notes.some((n) => n.includes('R5: the gateway merges'))).toBe(true);
    expect(table.notes.some((n) => n.includes('creation order'))).toBe(true);
  });

  it('R5 sidecars do not merge: the first VirtualService keeps the host, the creation order decides', () => {
    const yaml = yamlOf(
      ...base,
      virtualService('web', 'alpha', { hosts: ['shop'], http: [{ route: to('v1') }] }),
      virtualService('web', 'beta', {
        hosts: ['shop'],
        http: [{ match: [{ uri: { prefix: '/beta' } }], route: to('v2') }],
      }),
    );
    const byName = routesFor(graphOf(yaml), { kind: 'anonymous', namespace: 'web' }, SHOP, 80);
    expect(byName.virtualServices).toEqual(['web/alpha']);
    expect(byName.http.map((r) => r.ref)).toEqual(['web/alpha#http[0]']);
    expect(byName.notes.some((n) => n.includes('sidecars do not merge'))).toBe(true);
    // R12: with beta known to be older (e.g. present in the base version), beta keeps the host.
    const betaOlder = graphOf(yaml, { creationOrder: (key) => (key.name === 'beta' ? 0 : 1) });
    expect(
      routesFor(betaOlder, { kind: 'anonymous', namespace: 'web' }, SHOP, 80).virtualServices,
    ).toEqual(['web/beta']);
  });

  it('R5 inside one VirtualService nothing after the first catch-all is emitted', () => {
    const graph = graphOf(
      yamlOf(
        ...base,
        virtualService('web', 'shop', {
          hosts: ['shop'],
          http: [
            {
              match: [{ uri: { prefix: '/' }, headers: { 'end-user': { exact: 'jason' } } }],
              route: to('v2'),
            },
            { match: [{ uri: { prefix: '/' } }], route: to('v1') },
            { match: [{ uri: { prefix: '/never' } }], route: to('v2') },
          ],
        }),
      ),
    );
    const table = routesFor(graph, { kind: 'anonymous', namespace: 'web' }, SHOP, 80);
    expect(table.http.map((r) => [r.rule, r.isCatchAll])).toEqual([
      ['http[0]', false],
      ['http[1]', true],
    ]);
  });

  it('R5 a catch-all whose sourceLabels exclude this proxy does not truncate its routes', () => {
    const graph = graphOf(
      yamlOf(
        ...base,
        deployment('web', 'client', { app: 'client' }),
        virtualService('web', 'shop', {
          hosts: ['shop'],
          http: [
            { match: [{ sourceLabels: { app: 'other' } }], route: to('v2') },
            { route: to('v1') },
          ],
        }),
      ),
    );
    const table = routesFor(graph, { kind: 'sidecar', workload: 'web/client' }, SHOP, 80);
    expect(table.http.map((r) => r.rule)).toEqual(['http[1]']);
  });
});
