import { describe, expect, it } from 'vitest';
import {
  app,
  graphOf,
  service,
  deployment,
  virtualService,
  yamlOf,
} from '../../testing/mesh-builders.js';
import type { RouteDestination } from '../types/virtual-service.js';
import { effectiveDestinations } from './destinations.js';
import { routesFor } from './routes-for.js';

const dest = (weight: number | null, port: number | null = null): RouteDestination => ({
  host: 'x',
  subset: null,
  port,
  weight,
});
const none = () => null;

// Route action building (P/networking/core/route/route.go), validateHTTPRouteDestinations
// (istio/istio:pkg/config/validation/validation.go@86c9f01f), istio/istio#39544.
describe('R11 weights and destination ports', () => {
  it('R11 a single destination gets 100 % whatever its weight', () => {
    expect(effectiveDestinations([dest(0)], none, 80).map((d) => d.weight)).toEqual([100]);
    expect(effectiveDestinations([dest(null)], none, 80).map((d) => d.weight)).toEqual([100]);
  });

  it('R11 several destinations share weight / sum; weight 0 or omitted drops a destination', () => {
    expect(effectiveDestinations([dest(90), dest(10)], none, 80).map((d) => d.weight)).toEqual([
      90, 10,
    ]);
    expect(effectiveDestinations([dest(1), dest(3)], none, 80).map((d) => d.weight)).toEqual([
      25, 75,
    ]);
    expect(effectiveDestinations([dest(100), dest(0)], none, 80).map((d) => d.weight)).toEqual([
      100, 0,
    ]);
    expect(effectiveDestinations([dest(50), dest(null)], none, 80).map((d) => d.weight)).toEqual([
      100, 0,
    ]);
    expect(
      effectiveDestinations([dest(1), dest(1), dest(1)], none, 80).map((d) => d.weight),
    ).toEqual([33.333333, 33.333333, 33.333333]);
  });

  it('R11 destination port: explicit, else the only service port, else the request port', () => {
    const graph = graphOf(
      yamlOf(
        ...app('a', 'single', ['v1'], 9080),
        {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'multi', namespace: 'a' },
          spec: {
            selector: { app: 'multi' },
            ports: [
              { name: 'http', port: 80 },
              { name: 'http-admin', port: 8081 },
            ],
          },
        },
        deployment('a', 'multi-v1', { app: 'multi' }),
        virtualService('a', 'multi', {
          hosts: ['multi'],
          http: [
            {
              match: [{ uri: { prefix: '/explicit' } }],
              route: [{ destination: { host: 'single', port: { number: 7777 } } }],
            },
            {
              match: [{ uri: { prefix: '/single' } }],
              route: [{ destination: { host: 'single' } }],
            },
            { route: [{ destination: { host: 'multi' } }] },
          ],
        }),
      ),
    );
    const client = { kind: 'anonymous', namespace: 'a' } as const;
    const on80 = routesFor(graph, client, 'multi.a.svc.cluster.local', 80).http.map(
      (r) => r.destinations[0]?.port,
    );
    expect(on80).toEqual([7777, 9080, 80]);
    const on8081 = routesFor(graph, client, 'multi.a.svc.cluster.local', 8081).http.map(
      (r) => r.destinations[0]?.port,
    );
    expect(on8081).toEqual([7777, 9080, 8081]);
  });

  it('R11 without a VirtualService the route spreads over every endpoint of the service', () => {
    const graph = graphOf(
      yamlOf(
        service('a', 'r'),
        deployment('a', 'r-v1', { app: 'r', version: 'v1' }),
        deployment('a', 'r-v2', { app: 'r', version: 'v2' }),
      ),
    );
    const table = routesFor(
      graph,
      { kind: 'anonymous', namespace: 'a' },
      'r.a.svc.cluster.local',
      80,
    );
    expect(table.status).toBe('default');
    expect(table.http[0]?.destinations.map((d) => [d.subset, d.weight])).toEqual([[null, 100]]);
    expect(graph.services.endpoints.get('Service:a/r')?.map((w) => w.id)).toEqual([
      'a/r-v1',
      'a/r-v2',
    ]);
  });
});
