import { describe, expect, it } from 'vitest';
import {
  app,
  destinationRule,
  gatewayProxy,
  graphOf,
  istioObject,
  namespace,
  service,
  deployment,
  virtualService,
  yamlOf,
} from '../../testing/mesh-builders.js';
import { destinationRuleFor } from '../routing/destination-workloads.js';
import { routesFor } from '../routing/routes-for.js';

const clientIn = (ns: string) => ({ kind: 'anonymous', namespace: ns }) as const;

// IsServiceVisible, initVirtualServices, setDestinationRules (P/model/push_context.go); visibility.go.
describe('R3 exportTo visibility', () => {
  it('R3 a Service annotated networking.istio.io/exportTo: . is invisible to other namespaces', () => {
    const graph = graphOf(
      yamlOf(
        namespace('a'),
        namespace('b'),
        service('a', 'private', { annotations: { 'networking.istio.io/exportTo': '.' } }),
        deployment('a', 'private-v1', { app: 'private' }),
      ),
    );
    expect(routesFor(graph, clientIn('a'), 'private.a.svc.cluster.local', 80).status).toBe(
      'default',
    );
    expect(routesFor(graph, clientIn('b'), 'private.a.svc.cluster.local', 80).status).toBe(
      'passthrough',
    );
  });

  it('R3 a ServiceEntry exported to a named namespace is visible there only', () => {
    const graph = graphOf(
      yamlOf(
        istioObject('ServiceEntry', 'a', 'ext', {
          hosts: ['api.example.com'],
          exportTo: ['b'],
          ports: [{ number: 443, name: 'tls', protocol: 'TLS' }],
        }),
      ),
    );
    expect(routesFor(graph, clientIn('b'), 'api.example.com', 443).service?.name).toBe('ext');
    expect(routesFor(graph, clientIn('c'), 'api.example.com', 443).service).toBeNull();
  });

  it('R3 a private VirtualService applies to sidecars of its own namespace only', () => {
    const graph = graphOf(
      yamlOf(
        ...app('a', 'reviews', ['v1', 'v2']),
        virtualService('a', 'reviews', {
          hosts: ['reviews'],
          exportTo: ['.'],
          http: [{ route: [{ destination: { host: 'reviews', subset: 'v2' } }] }],
        }),
      ),
    );
    expect(
      routesFor(graph, clientIn('a'), 'reviews.a.svc.cluster.local', 80).virtualServices,
    ).toEqual(['a/reviews']);
    expect(routesFor(graph, clientIn('b'), 'reviews.a.svc.cluster.local', 80).status).toBe(
      'default',
    );
  });

  it('R3 the private tier comes before the public tier, whatever the creation order', () => {
    const graph = graphOf(
      yamlOf(
        ...app('a', 'reviews', ['v1', 'v2']),
        virtualService('b', 'aaa-public', {
          hosts: ['reviews.a.svc.cluster.local'],
          http: [
            { route: [{ destination: { host: 'reviews.a.svc.cluster.local', subset: 'v1' } }] },
          ],
        }),
        virtualService('b', 'zzz-private', {
          hosts: ['reviews.a.svc.cluster.local'],
          exportTo: ['.'],
          http: [
            { route: [{ destination: { host: 'reviews.a.svc.cluster.local', subset: 'v2' } }] },
          ],
        }),
      ),
    );
    expect(
      routesFor(graph, clientIn('b'), 'reviews.a.svc.cluster.local', 80).virtualServices,
    ).toEqual(['b/zzz-private']);
    expect(
      routesFor(graph, clientIn('c'), 'reviews.a.svc.cluster.local', 80).virtualServices,
    ).toEqual(['b/aaa-public']);
  });

  it('R3 a DestinationRule with a workloadSelector is private to its namespace', () => {
    const graph = graphOf(
      yamlOf(
        ...app('a', 'reviews', ['v1']),
        destinationRule('a', 'reviews', {
          host: 'reviews',
          workloadSelector: { matchLabels: { app: 'client' } },
          subsets: [{ name: 'v1', labels: { version: 'v1' } }],
        }),
      ),
    );
    const host = 'reviews.a.svc.cluster.local';
    expect(
      destinationRuleFor(graph, { namespace: 'a', labels: { app: 'client' } }, host, 'a')?.from,
    ).toEqual(['a/reviews']);
    expect(
      destinationRuleFor(graph, { namespace: 'b', labels: { app: 'client' } }, host, 'a'),
    ).toBeNull();
  });

  it('R3 for gateways the VirtualService must be exported to the proxy namespace, not the Gateway namespace', () => {
    const gatewayYaml = [
      gatewayProxy('istio-system', 'ingress'),
      ...app('web', 'shop', ['v1']),
      istioObject('Gateway', 'web', 'gw', {
        selector: { istio: 'ingressgateway' },
        servers: [
          { port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['shop.example.com'] },
        ],
      }),
    ];
    const vs = (exportTo: string[]) =>
      virtualService('web', 'shop', {
        hosts: ['shop.example.com'],
        gateways: ['gw'],
        exportTo,
        http: [{ route: [{ destination: { host: 'shop' } }] }],
      });
    const viaGateway = { kind: 'gateway', gateway: 'web/gw' } as const;
    const privateToWeb = graphOf(yamlOf(...gatewayYaml, vs(['.'])));
    expect(routesFor(privateToWeb, viaGateway, 'shop.example.com', 80).status).toBe('no-route');
    const toProxy = graphOf(yamlOf(...gatewayYaml, vs(['istio-system'])));
    expect(routesFor(toProxy, viaGateway, 'shop.example.com', 80).status).toBe('routed');
  });

  it('R3 mesh config defaultServiceExportTo applies to services without the annotation', () => {
    const graph = graphOf(
      yamlOf(
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'istio', namespace: 'istio-system' },
          data: { mesh: 'defaultServiceExportTo: ["."]\n' },
        },
        ...app('a', 'reviews', ['v1']),
      ),
    );
    expect(routesFor(graph, clientIn('a'), 'reviews.a.svc.cluster.local', 80).status).toBe(
      'default',
    );
    expect(routesFor(graph, clientIn('b'), 'reviews.a.svc.cluster.local', 80).status).toBe(
      'passthrough',
    );
  });
});
