import { describe, expect, it } from 'vitest';
import { resolveGraph } from '../graph/resolve-graph.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import { loadSharedFile } from '../../../test/support/engine-fixtures.js';
import { simulateRequest } from './simulate-request.js';
import type { SimulateRequest, SimulateResult } from './simulate-types.js';

// Route tests (istio-config-validator style) on istio/istio samples copied in
// ../shared/corpus/istio-samples (istio/istio@86c9f01f, Apache-2.0).

const SAMPLES = 'corpus/istio-samples/samples/';
const BOOKINFO = [
  `${SAMPLES}bookinfo/platform/kube/bookinfo.yaml`,
  `${SAMPLES}bookinfo/networking/destination-rule-all.yaml`,
];

function graphOf(files: readonly string[]): MeshGraph {
  return resolveGraph(
    files.flatMap((f) => loadSharedFile(f.startsWith('corpus/') ? f : `${SAMPLES}${f}`)),
  );
}

function bookinfoWith(...networking: string[]): MeshGraph {
  return graphOf([...BOOKINFO, ...networking.map((f) => `${SAMPLES}bookinfo/networking/${f}`)]);
}

function simulate(graph: MeshGraph, request: SimulateRequest): SimulateResult {
  const result = simulateRequest(graph, request);
  if (!result.ok) {
    throw new Error(result.error.message);
  }
  return result.value;
}

function split(result: SimulateResult): [string | null, number, readonly string[]][] {
  return result.destinations.map((d) => [d.subset, d.weight, d.workloads]);
}

const FROM_PRODUCTPAGE = { from: 'default/productpage-v1', port: 9080 } as const;

describe('bookinfo networking samples', () => {
  it('virtual-service-reviews-test-v2: header end-user exact jason routes to v2', () => {
    const graph = bookinfoWith('virtual-service-reviews-test-v2.yaml');
    const jason = simulate(graph, {
      ...FROM_PRODUCTPAGE,
      host: 'reviews',
      headers: { 'end-user': 'jason' },
    });
    expect(jason.match).toMatchObject({
      virtualService: 'default/reviews',
      rule: 'http[0]',
      reason: 'header end-user exact jason matched',
    });
    expect(split(jason)).toEqual([['v2', 100, ['default/reviews-v2']]]);
  });

  it('virtual-service-reviews-test-v2: any other user falls through to v1 (header names are case-insensitive)', () => {
    const graph = bookinfoWith('virtual-service-reviews-test-v2.yaml');
    const other = simulate(graph, {
      ...FROM_PRODUCTPAGE,
      host: 'reviews',
      headers: { 'End-User': 'kim' },
    });
    expect(other.match?.rule).toBe('http[1]');
    expect(other.evaluated[0]).toMatchObject({
      matched: false,
      reason: 'header end-user exact jason did not match',
    });
    expect(split(other)).toEqual([['v1', 100, ['default/reviews-v1']]]);
    const anonymous = simulate(graph, { ...FROM_PRODUCTPAGE, host: 'reviews' });
    expect(anonymous.evaluated[0]?.reason).toBe(
      'header end-user exact jason did not match (absent)',
    );
  });

  it.each([
    [
      'virtual-service-reviews-50-v3.yaml',
      [
        ['v1', 50, ['default/reviews-v1']],
        ['v3', 50, ['default/reviews-v3']],
      ],
    ],
    [
      'virtual-service-reviews-80-20.yaml',
      [
        ['v1', 80, ['default/reviews-v1']],
        ['v2', 20, ['default/reviews-v2']],
      ],
    ],
    [
      'virtual-service-reviews-90-10.yaml',
      [
        ['v1', 90, ['default/reviews-v1']],
        ['v2', 10, ['default/reviews-v2']],
      ],
    ],
    ['virtual-service-reviews-v3.yaml', [['v3', 100, ['default/reviews-v3']]]],
  ])('R11 weighted split of %s', (file, expected) => {
    const result = simulate(bookinfoWith(file), { ...FROM_PRODUCTPAGE, host: 'reviews' });
    expect(result.outcome).toBe('route');
    expect(split(result)).toEqual(expected);
  });

  it('virtual-service-ratings-test-abort: jason gets fault-abort, others reach ratings v1', () => {
    const graph = bookinfoWith('virtual-service-ratings-test-abort.yaml');
    const request = { from: 'default/reviews-v2', host: 'ratings', port: 9080 };
    const jason = simulate(graph, { ...request, headers: { 'end-user': 'jason' } });
    expect(jason.outcome).toBe('fault-abort');
    expect(jason.fault).toEqual({ abort: { percentage: { value: 100.0 }, httpStatus: 500 } });
    expect(jason.tls).toBeNull();
    const other = simulate(graph, request);
    expect(other.outcome).toBe('route');
    expect(other.fault).toBeNull();
    expect(split(other)).toEqual([['v1', 100, ['default/ratings-v1']]]);
  });

  it('virtual-service-ratings-test-delay: a delay is reported and the request is still routed', () => {
    const graph = bookinfoWith('virtual-service-ratings-test-delay.yaml');
    const jason = simulate(graph, {
      from: 'default/reviews-v2',
      host: 'ratings',
      port: 9080,
      headers: { 'end-user': 'jason' },
    });
    expect(jason.outcome).toBe('route');
    expect(jason.fault).toEqual({ delay: { percentage: { value: 100.0 }, fixedDelay: '7s' } });
    expect(jason.notes).toContain('fault.delay adds 7s to 100% of requests');
  });

  it('fault-injection-details-v1: the first rule has no match and aborts 100 % — every request', () => {
    const graph = bookinfoWith('fault-injection-details-v1.yaml');
    const result = simulate(graph, { ...FROM_PRODUCTPAGE, host: 'details', path: '/details/0' });
    expect(result.outcome).toBe('fault-abort');
    expect(result.match?.rule).toBe('http[0]');
    expect(result.fault).toEqual({ abort: { httpStatus: 555, percentage: { value: 100 } } });
  });

  it('bookinfo-gateway: GET /api/v1/products/1 matches the prefix entry, index 4', () => {
    const graph = bookinfoWith('bookinfo-gateway.yaml');
    const result = simulate(graph, {
      from: 'external:default/bookinfo-gateway',
      host: 'bookinfo.example.com',
      path: '/api/v1/products/1?x=1',
    });
    expect(result.outcome).toBe('route');
    expect(result.match?.matchIndex).toBe(4);
    expect(result.destinations[0]).toMatchObject({
      host: 'productpage.default.svc.cluster.local',
      port: 9080,
      workloads: ['default/productpage-v1'],
    });
    // No ingress gateway in the snapshot: Istio's default one is assumed, and said so.
    expect(result.notes.some((n) => n.includes('assumed Istio default ingress gateway'))).toBe(
      true,
    );
  });
});

describe('helloworld and httpbin gateways', () => {
  const HELLO = ['helloworld/helloworld.yaml', 'helloworld/helloworld-gateway.yaml'];
  const HTTPBIN = ['httpbin/httpbin.yaml', 'httpbin/httpbin-gateway.yaml'];

  it('helloworld: /hello on port 80 reaches both versions (no DestinationRule: every endpoint)', () => {
    const result = simulate(graphOf(HELLO), {
      from: 'external:default/helloworld-gateway',
      host: 'hello.example.com',
      path: '/hello',
    });
    expect(result.request.port).toBe(80);
    expect(result.destinations).toEqual([
      expect.objectContaining({
        host: 'helloworld.default.svc.cluster.local',
        port: 5000,
        weight: 100,
        workloads: ['default/helloworld-v1', 'default/helloworld-v2'],
      }),
    ]);
    expect(
      simulate(graphOf(HELLO), {
        from: 'external:default/helloworld-gateway',
        host: 'a',
        path: '/',
      }).outcome,
    ).toBe('no-route');
  });

  it('httpbin: the catch-all route sends everything to httpbin:8000', () => {
    const result = simulate(graphOf(HTTPBIN), {
      from: 'external:default/httpbin-gateway',
      host: 'httpbin.example.com',
      path: '/status/418',
      method: 'post',
    });
    expect(result.request.method).toBe('POST');
    expect(result.match?.reason).toBe('route has no match conditions (catch-all)');
    expect(result.destinations.map((d) => [d.host, d.port, d.workloads])).toEqual([
      ['httpbin.default.svc.cluster.local', 8000, ['default/httpbin']],
    ]);
  });

  it('R5 Gateways sharing a proxy port merge their VirtualServices; catch-all routes go last', () => {
    const graph = graphOf([...HELLO, ...HTTPBIN]);
    const hello = simulate(graph, {
      from: 'external:default/httpbin-gateway',
      host: 'x',
      path: '/hello',
    });
    expect(hello.match?.virtualService).toBe('default/helloworld');
    const other = simulate(graph, {
      from: 'external:default/helloworld-gateway',
      host: 'x',
      path: '/get',
    });
    expect(other.match?.virtualService).toBe('default/httpbin');
    expect(other.notes.some((n) => n.startsWith('R5: the gateway merges'))).toBe(true);
  });
});

describe('tcp-echo gateway (TCP routes)', () => {
  const files = ['tcp-echo/tcp-echo-services.yaml', 'tcp-echo/tcp-echo-all-v1.yaml'];
  const request = { from: 'external:default/tcp-echo-gateway', host: 'tcp.example.com' };

  it('a TCP server port is the default port of a Gateway without HTTP server; tcp[0] matches port 31400', () => {
    const result = simulate(graphOf(files), request);
    expect(result.request.port).toBe(31400);
    expect(result.outcome).toBe('route');
    expect(result.match).toMatchObject({
      virtualService: 'default/tcp-echo',
      rule: 'tcp[0]',
      reason: 'port 31400 matched',
    });
    expect(
      result.destinations.map((d) => [d.host, d.subset, d.port, d.weight, d.workloads]),
    ).toEqual([['tcp-echo.default.svc.cluster.local', 'v1', 9000, 100, ['default/tcp-echo-v1']]]);
    expect(result.rewrite).toBeNull();
  });

  it('R11 tcp-echo-20-v2 shifts 20 % of connections to v2', () => {
    const graph = resolveGraph([
      ...loadSharedFile(`${SAMPLES}tcp-echo/tcp-echo-services.yaml`),
      ...loadSharedFile(`${SAMPLES}tcp-echo/tcp-echo-all-v1.yaml`).filter(
        (r) => r.key.kind !== 'VirtualService',
      ),
      ...loadSharedFile(`${SAMPLES}tcp-echo/tcp-echo-20-v2.yaml`),
    ]);
    const result = simulate(graph, request);
    expect(result.destinations.map((d) => [d.subset, d.weight])).toEqual([
      ['v1', 80],
      ['v2', 20],
    ]);
  });
});
