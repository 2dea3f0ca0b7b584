import { describe, expect, it } from 'vitest';
import { app, graphOf, virtualService, yamlOf } from '../../testing/mesh-builders.js';
import { routesFor } from '../routing/routes-for.js';
import {
  compareSpecificity,
  hostsMatch,
  hostSubsetOf,
  intersectHosts,
  mostSpecificHostMatch,
} from './host-name.js';

// istio/istio:pkg/config/host/name.go@86c9f01f (Matches, SubsetOf) and names.go (MoreSpecific, Intersection).
describe('R1 host names, matching and wildcard precedence', () => {
  it('R1 *.foo.com matches a.foo.com but not foo.com', () => {
    expect(hostsMatch('*.foo.com', 'a.foo.com')).toBe(true);
    expect(hostsMatch('a.foo.com', '*.foo.com')).toBe(true);
    expect(hostsMatch('*.foo.com', 'foo.com')).toBe(false);
    expect(hostsMatch('foo.com', '*.foo.com')).toBe(false);
  });

  it('R1 * matches everything and two wildcards overlap when one suffix ends with the other', () => {
    expect(hostsMatch('*', 'anything.example.org')).toBe(true);
    expect(hostsMatch('*.bar.foo.com', '*.foo.com')).toBe(true);
    expect(hostsMatch('*.foo.com', '*.bar.com')).toBe(false);
  });

  it('R1 SubsetOf is one-directional', () => {
    expect(hostSubsetOf('a.foo.com', '*.foo.com')).toBe(true);
    expect(hostSubsetOf('*.foo.com', 'a.foo.com')).toBe(false);
    expect(hostSubsetOf('*.a.foo.com', '*.foo.com')).toBe(true);
    expect(hostSubsetOf('foo.com', '*.foo.com')).toBe(false);
    expect(hostSubsetOf('x.y', '*')).toBe(true);
  });

  it('R1 specificity: non-wildcard first, then longer, then alphabetical', () => {
    const sorted = ['*', '*.com', 'b.foo.com', '*.foo.com', 'a.foo.com', 'zz.com'].sort(
      compareSpecificity,
    );
    expect(sorted).toEqual(['a.foo.com', 'b.foo.com', 'zz.com', '*.foo.com', '*.com', '*']);
  });

  it('R1 MostSpecificHostMatch: exact key first, else the most specific wildcard', () => {
    const wildcards = ['*.com', '*.foo.com', '*'].sort(compareSpecificity);
    expect(mostSpecificHostMatch('a.foo.com', new Set(['a.foo.com']), wildcards)).toBe('a.foo.com');
    expect(mostSpecificHostMatch('b.foo.com', new Set(['a.foo.com']), wildcards)).toBe('*.foo.com');
    expect(mostSpecificHostMatch('foo.com', new Set(), wildcards)).toBe('*.com');
    expect(mostSpecificHostMatch('x.org', new Set(), ['*.com'])).toBeNull();
  });

  it('R1 Intersection keeps the narrower name; server *.example.com does not bind example.com', () => {
    expect(intersectHosts(['*'], ['reviews.default.svc.cluster.local'])).toEqual([
      'reviews.default.svc.cluster.local',
    ]);
    expect(intersectHosts(['*.example.com'], ['example.com'])).toEqual([]);
    expect(intersectHosts(['*.example.com'], ['*'])).toEqual(['*.example.com']);
  });

  it('R1 sidecars bind a service to an exact VS host before a wildcard VS host, whatever their order', () => {
    const graph = graphOf(
      yamlOf(
        ...app('default', 'a', ['v1']),
        {
          apiVersion: 'networking.istio.io/v1',
          kind: 'ServiceEntry',
          metadata: { name: 'ext', namespace: 'default' },
          spec: {
            hosts: ['api.example.com'],
            ports: [{ number: 80, name: 'http', protocol: 'HTTP' }],
            resolution: 'DNS',
          },
        },
        virtualService('default', 'aaa-wildcard', {
          hosts: ['*.example.com'],
          http: [{ route: [{ destination: { host: 'a' } }] }],
        }),
        virtualService('default', 'zzz-exact', {
          hosts: ['api.example.com'],
          http: [{ route: [{ destination: { host: 'api.example.com' } }] }],
        }),
      ),
    );
    const table = routesFor(
      graph,
      { kind: 'sidecar', workload: 'default/a-v1' },
      'api.example.com',
      80,
    );
    expect(table.virtualServices).toEqual(['default/zzz-exact']);
    expect(table.http[0]?.destinations[0]?.host).toBe('api.example.com');
  });

  it('R1 VS hosts not in the registry only get a sidecar virtual host on port 80', () => {
    const graph = graphOf(
      yamlOf(
        ...app('default', 'a', ['v1']),
        virtualService('default', 'google', {
          hosts: ['google.com'],
          http: [{ route: [{ destination: { host: 'a' } }] }],
        }),
      ),
    );
    const client = { kind: 'sidecar', workload: 'default/a-v1' } as const;
    expect(routesFor(graph, client, 'google.com', 80).status).toBe('routed');
    expect(routesFor(graph, client, 'google.com', 8080).status).toBe('passthrough');
  });

  it('R1 hosts are lower-cased before matching', () => {
    const graph = graphOf(
      yamlOf(
        ...app('default', 'a', ['v1']),
        virtualService('default', 'a', {
          hosts: ['A.Default.Svc.Cluster.Local'],
          http: [{ route: [{ destination: { host: 'a', subset: 'x' } }] }],
        }),
      ),
    );
    const table = routesFor(
      graph,
      { kind: 'anonymous', namespace: 'default' },
      'a.default.svc.cluster.local',
      80,
    );
    expect(table.virtualServices).toEqual(['default/a']);
  });
});
