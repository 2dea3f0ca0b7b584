import { describe, expect, it } from 'vitest';
import {
  app,
  destinationRule,
  graphOf,
  istioObject,
  namespace,
  virtualService,
  yamlOf,
} from '../../testing/mesh-builders.js';
import { routesFor } from '../routing/routes-for.js';
import { resolveGatewayName, resolveShortName } from './short-name.js';

// ResolveShortnameToFQDN / resolveGatewayName (P/model/config.go), ResolveVirtualServiceShortnames (P/model/virtualservice.go).
describe('R2 short-name expansion', () => {
  it('R2 only names without a dot are expanded; * and IPs are left alone', () => {
    expect(resolveShortName('reviews', 'prod', 'cluster.local')).toBe(
      'reviews.prod.svc.cluster.local',
    );
    expect(resolveShortName('reviews.prod', 'default', 'cluster.local')).toBe('reviews.prod');
    expect(resolveShortName('*', 'default', 'cluster.local')).toBe('*');
    expect(resolveShortName('10.0.0.1', 'default', 'cluster.local')).toBe('10.0.0.1');
    expect(resolveShortName('Reviews', 'prod', 'corp.local')).toBe('reviews.prod.svc.corp.local');
  });

  it('R2 gateway references: name, ./name, ns/name, legacy FQDN and mesh', () => {
    expect(resolveGatewayName('gw', 'web')).toBe('web/gw');
    expect(resolveGatewayName('./gw', 'web')).toBe('web/gw');
    expect(resolveGatewayName('infra/gw', 'web')).toBe('infra/gw');
    expect(resolveGatewayName('gw.infra.svc.cluster.local', 'web')).toBe('infra/gw');
    expect(resolveGatewayName('mesh', 'web')).toBe('mesh');
  });

  it('R2 short names use the VirtualService namespace, not the target service namespace', () => {
    const graph = graphOf(
      yamlOf(
        namespace('frontend'),
        namespace('backend'),
        ...app('backend', 'reviews', ['v1']),
        ...app('frontend', 'web', ['v1']),
        // Lives in frontend, targets `reviews`: that is reviews.frontend, which does not exist.
        virtualService('frontend', 'reviews-route', {
          hosts: ['reviews.backend.svc.cluster.local'],
          http: [{ route: [{ destination: { host: 'reviews' } }] }],
        }),
      ),
    );
    const table = routesFor(
      graph,
      { kind: 'sidecar', workload: 'frontend/web-v1' },
      'reviews.backend.svc.cluster.local',
      80,
    );
    const destination = table.http[0]?.destinations[0];
    expect(destination?.host).toBe('reviews.frontend.svc.cluster.local');
    expect(destination?.service).toBeNull();
  });

  it('R2 VirtualService hosts expand with the VS namespace', () => {
    const graph = graphOf(
      yamlOf(
        ...app('backend', 'reviews', ['v1']),
        virtualService('backend', 'r', {
          hosts: ['reviews'],
          http: [{ route: [{ destination: { host: 'reviews' } }] }],
        }),
      ),
    );
    expect(graph.virtualServices.byId.get('backend/r')?.hosts).toEqual([
      'reviews.backend.svc.cluster.local',
    ]);
  });

  it('R2 DestinationRule host expands with the DR namespace', () => {
    const graph = graphOf(
      yamlOf(
        destinationRule('backend', 'reviews', {
          host: 'reviews',
          subsets: [{ name: 'v1', labels: { version: 'v1' } }],
        }),
      ),
    );
    expect(graph.destinationRules.rules[0]?.host).toBe('reviews.backend.svc.cluster.local');
  });

  it('R2 mirrors are expanded too', () => {
    const graph = graphOf(
      yamlOf(
        ...app('backend', 'reviews', ['v1']),
        virtualService('backend', 'r', {
          hosts: ['reviews'],
          http: [
            {
              route: [{ destination: { host: 'reviews' } }],
              mirror: { host: 'shadow' },
              mirrors: [{ destination: { host: 'shadow2' } }],
            },
          ],
        }),
      ),
    );
    expect(
      graph.virtualServices.byId.get('backend/r')?.http[0]?.mirrors.map((m) => m.host),
    ).toEqual(['shadow.backend.svc.cluster.local', 'shadow2.backend.svc.cluster.local']);
  });

  it('R2 Gateway server hosts, ServiceEntry hosts and Sidecar egress hosts are not expanded', () => {
    const graph = graphOf(
      yamlOf(
        istioObject('Gateway', 'web', 'gw', {
          selector: { istio: 'ingressgateway' },
          servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['shop'] }],
        }),
        istioObject('ServiceEntry', 'web', 'se', {
          hosts: ['legacy'],
          ports: [{ number: 80, name: 'http', protocol: 'HTTP' }],
        }),
        istioObject('Sidecar', 'web', 'default', { egress: [{ hosts: ['./reviews'] }] }),
      ),
    );
    expect(graph.gateways[0]?.servers[0]?.hosts).toEqual([{ namespace: '*', host: 'shop' }]);
    expect(graph.services.byHost.has('legacy')).toBe(true);
    expect(graph.sidecars.sidecars[0]?.egress[0]?.host).toBe('reviews');
  });
});
