import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveGraph } from '../graph/resolve-graph.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import { loadResources } from '../testing/load-resources.js';
import { simulateRequest } from './simulate-request.js';
import type { SimulateRequest, SimulateResult } from './simulate-types.js';

function fixture(name: string): MeshGraph {
  const text = readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
  return resolveGraph(loadResources(text));
}

function simulate(graph: MeshGraph, request: SimulateRequest): SimulateResult {
  const result = simulateRequest(graph, request);
  if (!result.ok) {
    throw new Error(result.error.message);
  }
  return result.value;
}

describe('R6 delegation (__fixtures__/delegate.yaml)', () => {
  const graph = fixture('delegate.yaml');
  const gateway = { from: 'external:example/example-gateway', host: 'www.example.com' };

  it('R6 a delegate rule is reported as root>delegate with the delegate named, and overrides the root timeout', () => {
    const result = simulate(graph, { ...gateway, path: '/merchants/v2/orders' });
    expect(result.match).toEqual({
      virtualService: 'example/example',
      delegate: { name: 'merchants-delegate', namespace: 'merchants' },
      gateway: 'example/example-gateway',
      rule: 'http[0]>http[1]',
      name: 'merchants-v2',
      reason: 'uri prefix /merchants/v2 matched',
      matchIndex: 0,
    });
    expect(result.timeout).toBe('1s');
    // R6: retries left unset by the delegate rule are inherited from the root rule.
    expect(result.retries).toEqual({ attempts: 3, perTryTimeout: '2s' });
  });

  it('R2 delegate destinations are expanded with the delegate namespace, not the root one', () => {
    const result = simulate(graph, { ...gateway, path: '/merchants/v2/orders' });
    expect(result.destinations.map((d) => [d.host, d.subset, d.port, d.workloads])).toEqual([
      ['merchants.merchants.svc.cluster.local', 'v2', 8000, ['merchants/merchants-v2']],
    ]);
  });

  it('R6 a delegate rule without match takes the root match and inherits the root timeout', () => {
    const result = simulate(graph, { ...gateway, path: '/merchants/list' });
    expect(result.match?.rule).toBe('http[0]>http[2]');
    expect(result.match?.reason).toBe('uri prefix /merchants matched');
    expect(result.timeout).toBe('5s');
    expect(result.destinations[0]?.subset).toBe('v1');
  });

  it('R6 a delegate rule conflicting with the root match is dropped, and the trace says so', () => {
    const result = simulate(graph, { ...gateway, path: '/merchants/list' });
    expect(result.evaluated.map((e) => e.rule)).toEqual(['http[0]>http[1]', 'http[0]>http[2]']);
    expect(result.notes).toContain(
      "example/example: http[0]>http[0] dropped (R6): delegate match[0] conflicts with the root: uri does not fall inside the root's",
    );
  });

  it('R7 the subset trafficPolicy overrides the top-level one field by field', () => {
    const v2 = simulate(graph, { ...gateway, path: '/merchants/v2' });
    expect(v2.destinations[0]?.trafficPolicy).toEqual({
      loadBalancer: { simple: 'LEAST_REQUEST' },
    });
    const v1 = simulate(graph, { ...gateway, path: '/merchants' });
    expect(v1.destinations[0]?.trafficPolicy).toEqual({ loadBalancer: { simple: 'ROUND_ROBIN' } });
    expect(v1.destinations[0]?.destinationRules).toEqual(['merchants/merchants']);
  });

  it('regex route: uri regex /users(/.*)? is an RE2 full match on the path without query', () => {
    const users = simulate(graph, { ...gateway, path: '/users/42?expand=1' });
    expect(users.match).toMatchObject({
      rule: 'http[1]',
      name: 'users-route',
      reason: 'uri regex /users(/.*)? matched',
    });
    expect(users.destinations[0]?.workloads).toEqual(['users/users-v1']);
    expect(users.mirrors).toEqual([
      {
        host: 'frontend.example.svc.cluster.local',
        subset: null,
        port: 80,
        percentage: 5,
        workloads: ['example/frontend'],
      },
    ]);
    const other = simulate(graph, { ...gateway, path: '/usersX' });
    expect(other.match?.rule).toBe('http[2]');
    expect(other.destinations[0]?.host).toBe('frontend.example.svc.cluster.local');
  });

  it('R4 the same root VirtualService is bound to the mesh too: a sidecar gets the same rules', () => {
    const result = simulate(graph, {
      from: 'example/frontend',
      host: 'www.example.com',
      path: '/users',
    });
    expect(result.match).toMatchObject({ gateway: 'mesh', rule: 'http[1]' });
    expect(result.notes).toContain(
      'www.example.com is not in the registry: only a port-80 virtual host exists (R1)',
    );
  });
});

describe('wildcard hosts (__fixtures__/wildcard-hosts.yaml)', () => {
  const graph = fixture('wildcard-hosts.yaml');
  const gateway = { from: 'external:shop/shop-gateway' };

  it('R1 an exact virtual host beats the wildcard one at the gateway', () => {
    const uk = simulate(graph, { ...gateway, host: 'uk.shop.com' });
    expect(uk.match?.virtualService).toBe('shop/uk-shop');
    expect(uk.virtualHost).toBe('uk.shop.com');
    expect(uk.destinations[0]?.workloads).toEqual(['shop/uk']);
  });

  it('R1 any other sub-domain takes the *.shop.com virtual host', () => {
    const fr = simulate(graph, { ...gateway, host: 'FR.shop.com' });
    expect(fr.match?.virtualService).toBe('shop/any-shop');
    expect(fr.virtualHost).toBe('*.shop.com');
    expect(fr.destinations[0]?.workloads).toEqual(['shop/world']);
  });

  it('R4 *.shop.com does not cover shop.com itself', () => {
    expect(simulate(graph, { ...gateway, host: 'shop.com' }).outcome).toBe('no-route');
  });

  it('R1 a sidecar routes a concrete host through the wildcard ServiceEntry and its VirtualService', () => {
    const request = { from: 'mesh:shop', host: 'en.wiki.org' };
    const fr = simulate(graph, { ...request, headers: { 'x-lang': 'fr' } });
    expect(fr.outcome).toBe('route');
    expect(fr.match?.virtualService).toBe('shop/wiki');
    expect(fr.timeout).toBe('3s');
    expect(fr.resolvedHost).toBe('en.wiki.org');
    expect(fr.notes).toContain(
      'en.wiki.org is served by the wildcard registry host *.wiki.org (R1)',
    );
    expect(simulate(graph, request).outcome).toBe('no-route');
  });
});

describe('R11 weights and R10 inline cases', () => {
  const graph = resolveGraph(
    loadResources(`
apiVersion: v1
kind: Service
metadata: { name: api, namespace: default }
spec: { selector: { app: api }, ports: [{ name: http, port: 80, targetPort: 8080 }] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: api-v1, namespace: default }
spec: { template: { metadata: { labels: { app: api, version: v1 } }, spec: { containers: [{ name: a, image: a }] } } }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: api-v2, namespace: default }
spec: { template: { metadata: { labels: { app: api, version: v2 } }, spec: { containers: [{ name: a, image: a }] } } }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: client, namespace: default }
spec: { template: { metadata: { labels: { app: client } }, spec: { serviceAccountName: client, containers: [{ name: c, image: c }] } } }
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: api, namespace: default }
spec:
  host: api
  subsets: [{ name: v1, labels: { version: v1 } }, { name: v2, labels: { version: v2 } }]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: api, namespace: default }
spec:
  hosts: [api]
  http:
    - route:
        - destination: { host: api, subset: v1 }
          weight: 3
        - destination: { host: api, subset: v2 }
          weight: 0
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: { name: api-get-only, namespace: default }
spec:
  selector: { matchLabels: { app: api } }
  action: ALLOW
  rules:
    - from: [{ source: { principals: [cluster.local/ns/default/sa/client] } }]
      to: [{ operation: { methods: [GET] } }]
`),
  );

  it('R11 weights are shares of their sum; weight 0 among several receives nothing', () => {
    const result = simulate(graph, { from: 'default/client', host: 'api' });
    expect(result.destinations.map((d) => [d.subset, d.weight, d.endpoints.length])).toEqual([
      ['v1', 100, 1],
      ['v2', 0, 0],
    ]);
    expect(result.notes).toContain(
      'api.default.svc.cluster.local subset v2 has weight 0 and receives nothing (R11)',
    );
  });

  it('R10 the ALLOW policy admits GET from the client identity and denies POST', () => {
    const get = simulate(graph, { from: 'default/client', host: 'api' });
    expect(get.authorization).toEqual({ allowed: true, decidedBy: 'default/api-get-only' });
    expect(get.destinations[0]?.endpoints[0]?.port).toBe(8080);
    const post = simulate(graph, { from: 'default/client', host: 'api', method: 'POST' });
    expect(post.outcome).toBe('denied');
    expect(post.authorization).toEqual({ allowed: false, decidedBy: 'default/api-get-only' });
  });

  it('R10 an anonymous sidecar has another identity: denied', () => {
    const result = simulate(graph, { from: 'mesh:default', host: 'api' });
    expect(result.outcome).toBe('denied');
  });
});
