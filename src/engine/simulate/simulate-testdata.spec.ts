import { describe, expect, it } from 'vitest';
import { resolveGraph } from '../graph/resolve-graph.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import { loadResources } from '../testing/load-resources.js';
import { loadSharedFile } from '../../../test/support/engine-fixtures.js';
import { simulateRequest } from './simulate-request.js';
import type { SimulateRequest, SimulateResult } from './simulate-types.js';

// Route tests on istio/istio tests/testdata/config (historic pilot e2e configs, namespace testns,
// services are ServiceEntries with inline endpoints), copied in ../shared/corpus/istio-samples.

const CONFIG = 'corpus/istio-samples/tests/testdata/config/';

/** A gateway proxy for `my-gateway` (selector app=my-gateway-controller), absent from testdata. */
const MY_GATEWAY_PROXY = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: my-gateway-controller, namespace: testns }
spec:
  template:
    metadata:
      labels: { app: my-gateway-controller }
      annotations: { inject.istio.io/templates: gateway }
    spec:
      containers: [{ name: istio-proxy, image: auto }]
`;

function graphOf(files: readonly string[], extra = ''): MeshGraph {
  return resolveGraph([
    ...files.flatMap((f) => loadSharedFile(`${CONFIG}${f}`)),
    ...loadResources(extra),
  ]);
}

function simulate(graph: MeshGraph, request: SimulateRequest): SimulateResult {
  const result = simulateRequest(graph, request);
  if (!result.ok) {
    throw new Error(result.error.message);
  }
  return result.value;
}

const MESH = 'mesh:testns';

describe('tests/testdata/config routes', () => {
  it('rule-regex-route: header foo regex b.* AND sourceLabels version=v1 → subset v2', () => {
    const graph = graphOf(['rule-regex-route.yaml']);
    const request = { from: MESH, host: 'regex.extsvc.com', port: 9003, headers: { foo: 'bar' } };
    const labelled = simulate(graph, { ...request, sourceLabels: { version: 'v1' } });
    expect(labelled.match).toMatchObject({
      virtualService: 'testns/regex-route',
      rule: 'http[0]',
      reason: 'sourceLabels version=v1 matched; header foo regex b.* matched',
    });
    expect(labelled.destinations.map((d) => [d.host, d.subset, d.weight])).toEqual([
      ['regex.extsvc.com', 'v2', 100],
    ]);
    // ServiceEntry endpoints are addresses, not workloads of the snapshot.
    expect(labelled.destinations[0]?.workloads).toEqual([]);
    expect(labelled.notes.join('\n')).toContain('served by endpoints outside');
  });

  it('rule-regex-route: the regex is a full match (RE2) — "xbar" falls to the default rule', () => {
    const graph = graphOf(['rule-regex-route.yaml']);
    const result = simulate(graph, {
      from: MESH,
      host: 'regex.extsvc.com',
      port: 9003,
      headers: { foo: 'xbar' },
      sourceLabels: { version: 'v1' },
    });
    expect(result.match?.rule).toBe('http[1]');
    expect(result.destinations[0]?.subset).toBe('v1');
    const unlabelled = simulate(graph, {
      from: MESH,
      host: 'regex.extsvc.com',
      port: 9003,
      headers: { foo: 'bar' },
    });
    // R4 `sourceMatchHTTP`: a match whose sourceLabels do not select the proxy is not programmed on it.
    expect(unlabelled.evaluated.map((e) => e.rule)).toEqual(['http[1]']);
    expect(unlabelled.destinations[0]?.subset).toBe('v1');
  });

  it('rule-redirect-injection: a redirect rule answers with the rule spec as written', () => {
    const graph = graphOf(['rule-redirect-injection.yaml']);
    const request = { from: MESH, host: 'redirect.test.istio.io', port: 8080 };
    const result = simulate(graph, { ...request, headers: { testredirect: 'enabled' } });
    expect(result.outcome).toBe('redirect');
    expect(result.redirect).toEqual({ uri: '/new/path', authority: 'redirect2.test.istio.io' });
    expect(result.destinations).toEqual([]);
    expect(simulate(graph, request).outcome).toBe('no-route');
  });

  it('rule-default-route-cors-policy and append-headers: corsPolicy and headers as written', () => {
    const graph = graphOf([
      'rule-default-route-cors-policy.yaml',
      'rule-default-route-append-headers.yaml',
    ]);
    const cors = simulate(graph, { from: MESH, host: 'cors.test.istio.io' });
    expect(cors.corsPolicy).toMatchObject({
      allowOrigins: [{ exact: 'http://foo.example' }],
      maxAge: '300s',
      allowCredentials: true,
    });
    const headers = simulate(graph, { from: MESH, host: 'appendh.test.istio.io' });
    expect(headers.headers).toEqual({
      request: { add: { 'istio-custom-header': 'user-defined-value' } },
    });
  });

  it('rule-websocket-route: explicit destination port and subset', () => {
    const graph = graphOf(['rule-websocket-route.yaml']);
    const result = simulate(graph, {
      from: MESH,
      host: 'websocket.test.istio.io',
      port: 9002,
      headers: { testwebsocket: 'enabled' },
    });
    expect(result.destinations.map((d) => [d.host, d.subset, d.port])).toEqual([
      ['websocket.test.istio.io', 'v1', 9002],
    ]);
    expect(result.destinations[0]?.destinationRules).toEqual(['testns/websocket']);
  });

  it('R1 rule-content-route: a VirtualService host outside the registry only gets port 80', () => {
    const graph = graphOf(['rule-content-route.yaml', 'rule-weighted-route.yaml']);
    const request = {
      from: MESH,
      host: 'headers.test.istio.io',
      headers: { version: 'v2' },
      sourceLabels: { version: 'v1' },
    };
    const on80 = simulate(graph, request);
    expect(on80.outcome).toBe('route');
    expect(on80.destinations.map((d) => [d.host, d.subset])).toEqual([
      ['c-weighted.extsvc.com', 'v2'],
    ]);
    expect(simulate(graph, { ...request, port: 8080 }).outcome).toBe('passthrough');
  });

  it('R11 rule-weighted-route: 75/25', () => {
    const graph = graphOf(['rule-weighted-route.yaml']);
    const result = simulate(graph, { from: MESH, host: 'c-weighted.extsvc.com' });
    expect(result.destinations.map((d) => [d.subset, d.weight])).toEqual([
      ['v1', 75],
      ['v2', 25],
    ]);
  });

  it('rule-fault-injection: abort 100 % and delay on the matching rule → fault-abort', () => {
    const graph = graphOf(['rule-fault-injection.yaml']);
    const result = simulate(graph, {
      from: MESH,
      host: 'fault.test.istio.io',
      port: 8080,
      headers: { version: 'v2' },
      sourceLabels: { version: 'v1' },
    });
    expect(result.outcome).toBe('fault-abort');
    expect(result.fault).toMatchObject({ abort: { httpStatus: 503 } });
    // R2: `host: c` is expanded with the VirtualService namespace.
    expect(result.destinations[0]?.host).toBe('c.testns.svc.cluster.local');
  });
});

describe('tests/testdata/config gateways', () => {
  it('R4 rule-ingressgateway: a VirtualService bound to a Gateway does not apply to sidecars', () => {
    const graph = graphOf(['rule-ingressgateway.yaml', 'ingressgateway.yaml']);
    const viaGateway = simulate(graph, {
      from: 'external:testns/istio-ingressgateway',
      host: 'uk.bookinfo.com',
    });
    expect(viaGateway.request.port).toBe(80);
    expect(viaGateway.outcome).toBe('route');
    expect(viaGateway.match).toMatchObject({
      virtualService: 'testns/gateway-bound-route',
      gateway: 'testns/istio-ingressgateway',
    });
    expect(viaGateway.destinations.map((d) => [d.host, d.subset, d.port])).toEqual([
      ['c.testns.svc.cluster.local', 'v2', 80],
    ]);
    expect(viaGateway.notes.join('\n')).toContain('is not a service this proxy knows');
    const fromMesh = simulate(graph, { from: MESH, host: 'uk.bookinfo.com' });
    expect(fromMesh.outcome).toBe('passthrough');
    expect(fromMesh.match).toBeNull();
  });

  it('R4 gateway server hosts: eu.bookinfo.com is not served by the istio-ingressgateway Gateway', () => {
    const graph = graphOf(['rule-ingressgateway.yaml', 'ingressgateway.yaml']);
    const result = simulate(graph, {
      from: 'external:testns/istio-ingressgateway',
      host: 'eu.bookinfo.com',
    });
    expect(result.outcome).toBe('no-route');
  });

  it('gateway-all: tls.httpsRedirect answers plain HTTP with a redirect before routing', () => {
    const graph = graphOf(['gateway-all.yaml', 'rule-default-route.yaml'], MY_GATEWAY_PROXY);
    const result = simulate(graph, { from: 'external:testns/my-gateway', host: 'c.foo', port: 80 });
    expect(result.outcome).toBe('redirect');
    expect(result.notes.join('\n')).toContain('tls.httpsRedirect');
  });

  it('R5 rule-default-route: the gateway merges default-route-1 and -2 for c.foo; /foo is rewritten', () => {
    const graph = graphOf(['gateway-all.yaml', 'rule-default-route.yaml'], MY_GATEWAY_PROXY);
    const request = {
      from: 'external:testns/my-gateway',
      host: 'c.foo',
      port: 80,
      scheme: 'https' as const,
    };
    const foo = simulate(graph, { ...request, path: '/foo' });
    expect(foo.match).toMatchObject({ virtualService: 'testns/default-route-2', rule: 'http[0]' });
    expect(foo.rewrite).toEqual({ uri: '/bar' });
    const bar = simulate(graph, { ...request, path: '/bar/baz' });
    expect(bar.match?.virtualService).toBe('testns/default-route-1');
    expect(bar.rewrite).toBeNull();
    expect(bar.evaluated).toHaveLength(1);
    expect(foo.evaluated.map((e) => [e.virtualService, e.matched])).toEqual([
      ['testns/default-route-1', false],
      ['testns/default-route-2', true],
    ]);
  });

  it('a Gateway whose selector matches no workload cannot be a source', () => {
    const result = simulateRequest(graphOf(['gateway-all.yaml']), {
      from: 'external:testns/my-gateway',
      host: 'c.foo',
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error.code).toBe('NO_GATEWAY_PROXY');
  });
});
