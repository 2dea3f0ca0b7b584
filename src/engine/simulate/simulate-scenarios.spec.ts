import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveGraph } from '../graph/resolve-graph.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import { loadFolder, SCENARIOS_DIR } from '../../../test/support/engine-fixtures.js';
import { simulateRequest } from './simulate-request.js';
import type { SimulateRequest, SimulateResult } from './simulate-types.js';

// Route tests in the style of istio-config-validator: request → expected destination, on the
// Bookinfo acceptance scenarios of ../shared/scenarios.

const graphs = new Map<string, MeshGraph>();

function scenario(name: string, version: 'before' | 'after'): MeshGraph {
  const key = `${name}/${version}`;
  let graph = graphs.get(key);
  if (graph === undefined) {
    graph = resolveGraph(loadFolder(join(SCENARIOS_DIR, name, version)));
    graphs.set(key, graph);
  }
  return graph;
}

function simulate(graph: MeshGraph, request: SimulateRequest): SimulateResult {
  const result = simulateRequest(graph, request);
  if (!result.ok) {
    throw new Error(result.error.message);
  }
  return result.value;
}

/** `[host, subset, weight, workloads]` per destination: what a route test compares. */
function split(result: SimulateResult): [string, string | null, number, readonly string[]][] {
  return result.destinations.map((d) => [d.host, d.subset, d.weight, d.workloads]);
}

const REVIEWS = 'reviews.default.svc.cluster.local';
const PRODUCTPAGE = 'productpage.default.svc.cluster.local';
const CANARY = '01-canary-10-percent';

describe('scenario 01 (canary 10 %): productpage → reviews', () => {
  const request = { from: 'default/productpage-v1', host: 'reviews', port: 9080 };

  it('R11 before: one destination takes 100 % — reviews subset v1 only', () => {
    const result = simulate(scenario(CANARY, 'before'), request);
    expect(result.outcome).toBe('route');
    expect(result.match).toMatchObject({ virtualService: 'default/reviews', rule: 'http[0]' });
    expect(result.match?.gateway).toBe('mesh');
    expect(split(result)).toEqual([[REVIEWS, 'v1', 100, ['default/reviews-v1']]]);
  });

  it('R11 after: weights 90/10 split between subsets v1 and v2 (R7 subset labels pick the workloads)', () => {
    const result = simulate(scenario(CANARY, 'after'), request);
    expect(split(result)).toEqual([
      [REVIEWS, 'v1', 90, ['default/reviews-v1']],
      [REVIEWS, 'v2', 10, ['default/reviews-v2']],
    ]);
    expect(result.destinations.map((d) => d.destinationRules)).toEqual([
      ['default/reviews'],
      ['default/reviews'],
    ]);
  });

  it('R2 a short host is qualified with the client namespace', () => {
    const result = simulate(scenario(CANARY, 'after'), { ...request, host: 'reviews:9080' });
    expect(result.resolvedHost).toBe(REVIEWS);
    expect(result.request.port).toBe(9080);
  });

  it('R9 auto mTLS: the sidecar sends ISTIO_MUTUAL to a PERMISSIVE workload; no policy → allowed', () => {
    const result = simulate(scenario(CANARY, 'after'), request);
    expect(result.tls).toEqual({ client: 'ISTIO_MUTUAL', server: 'PERMISSIVE', compatible: true });
    expect(result.authorization).toEqual({ allowed: true, decidedBy: null });
    expect(result.source).toMatchObject({
      kind: 'sidecar',
      identity: 'spiffe://cluster.local/ns/default/sa/bookinfo-productpage',
    });
  });
});

describe('scenario 01: the bookinfo gateway', () => {
  const gateway = 'external:default/bookinfo-gateway';

  it('R4 GET /productpage through the Gateway reaches productpage:9080 (port defaults to the first HTTP server port)', () => {
    const result = simulate(scenario(CANARY, 'before'), {
      from: gateway,
      host: 'bookinfo.example.com',
      path: '/productpage',
    });
    expect(result.request.port).toBe(8080);
    expect(result.source).toMatchObject({
      kind: 'gateway',
      namespace: 'default',
      proxy: 'default/bookinfo-gateway@istio-system/istio-ingressgateway',
    });
    expect(result.outcome).toBe('route');
    expect(result.match).toMatchObject({
      virtualService: 'default/bookinfo',
      gateway: 'default/bookinfo-gateway',
      rule: 'http[0]',
      matchIndex: 0,
      reason: 'match[0]: uri exact /productpage matched',
    });
    expect(split(result)).toEqual([[PRODUCTPAGE, null, 100, ['default/productpage-v1']]]);
    expect(result.destinations[0]?.port).toBe(9080);
    expect(result.virtualHost).toBe('*');
  });

  it('R4 the third match entry of the rule (prefix /static) is reported with its index', () => {
    const result = simulate(scenario(CANARY, 'before'), {
      from: gateway,
      host: 'x',
      path: '/static/css/site.css',
    });
    expect(result.match?.matchIndex).toBe(1);
    expect(result.match?.reason).toBe('match[1]: uri prefix /static matched');
  });

  it('GET /nothing matches no rule: no-route (404)', () => {
    const result = simulate(scenario(CANARY, 'before'), {
      from: gateway,
      host: 'x',
      path: '/nothing',
    });
    expect(result.outcome).toBe('no-route');
    expect(result.match).toBeNull();
    expect(result.destinations).toEqual([]);
    expect(result.evaluated).toEqual([
      expect.objectContaining({ virtualService: 'default/bookinfo', matched: false }),
    ]);
  });

  it('a port the Gateway does not serve has no route', () => {
    const result = simulate(scenario(CANARY, 'before'), {
      from: gateway,
      host: 'x',
      port: 9999,
      path: '/productpage',
    });
    expect(result.outcome).toBe('no-route');
    expect(result.notes.join('\n')).toContain('no server on port 9999');
  });
});

describe('scenario 01: other sources', () => {
  it('mesh:<ns> is an anonymous sidecar with the namespace default Sidecar and service account default', () => {
    const result = simulate(scenario(CANARY, 'before'), {
      from: 'mesh:default',
      host: 'ratings.default.svc.cluster.local',
      port: 9080,
    });
    expect(result.source).toMatchObject({
      id: 'mesh:default',
      kind: 'sidecar',
      identity: 'spiffe://cluster.local/ns/default/sa/default',
    });
    expect(split(result)).toEqual([
      ['ratings.default.svc.cluster.local', 'v1', 100, ['default/ratings-v1']],
    ]);
  });

  it('the default port 80 is not a port of reviews: passthrough to a port nobody listens on', () => {
    const result = simulate(scenario(CANARY, 'before'), { from: 'mesh:default', host: 'reviews' });
    expect(result.request.port).toBe(80);
    expect(result.outcome).toBe('passthrough');
    expect(result.notes.join('\n')).toContain('has no port 80 (ports 9080)');
  });

  it('an unknown external host passes through with ALLOW_ANY', () => {
    const result = simulate(scenario(CANARY, 'before'), {
      from: 'default/reviews-v1',
      host: 'api.github.com',
      port: 443,
    });
    expect(result.outcome).toBe('passthrough');
    expect(result.match).toBeNull();
  });
});

describe('later scenarios', () => {
  it('R8 scenario 05: a REGISTRY_ONLY Sidecar importing only istio-system blackholes reviews', () => {
    const request = { from: 'default/productpage-v1', host: 'reviews', port: 9080 };
    expect(simulate(scenario('05-sidecar-registry-only', 'before'), request).outcome).toBe('route');
    const after = simulate(scenario('05-sidecar-registry-only', 'after'), request);
    expect(after.outcome).toBe('blackhole');
    expect(after.destinations).toEqual([]);
  });

  it('R9 scenario 06: reviews-v1 → ratings is a TLS mismatch after (DR DISABLE vs STRICT)', () => {
    const request = { from: 'default/reviews-v1', host: 'ratings', port: 9080 };
    const before = simulate(scenario('06-strict-mtls-vs-plaintext-client', 'before'), request);
    expect(before.outcome).toBe('route');
    expect(before.tls?.compatible).toBe(true);
    const after = simulate(scenario('06-strict-mtls-vs-plaintext-client', 'after'), request);
    expect(after.outcome).toBe('tls-mismatch');
    expect(after.tls).toEqual({ client: 'DISABLE', server: 'STRICT', compatible: false });
    expect(after.authorization).toBeNull();
    expect(after.destinations[0]?.endpoints[0]).toMatchObject({
      workload: 'default/ratings-v1',
      port: 9080,
    });
  });

  it('R10 scenario 07: an ALLOW policy without rules denies the gateway → productpage request', () => {
    const request = {
      from: 'external:default/bookinfo-gateway',
      host: 'bookinfo.example.com',
      path: '/productpage',
    };
    const before = simulate(scenario('07-allow-nothing-policy', 'before'), request);
    expect(before.outcome).toBe('route');
    const after = simulate(scenario('07-allow-nothing-policy', 'after'), request);
    expect(after.outcome).toBe('denied');
    expect(after.authorization?.allowed).toBe(false);
    expect(after.authorization?.decidedBy).toBe('default/allow-nothing');
    expect(after.tls?.compatible).toBe(true);
  });
});

describe('determinism', () => {
  it('the same graph and request give byte-identical JSON', () => {
    const request = {
      from: 'default/productpage-v1',
      host: 'reviews',
      port: 9080,
      headers: { 'X-B': '2', 'x-a': '1' },
    };
    const a = JSON.stringify(simulate(scenario(CANARY, 'after'), request));
    const b = JSON.stringify(
      simulate(resolveGraph(loadFolder(join(SCENARIOS_DIR, CANARY, 'after'))), request),
    );
    expect(a).toBe(b);
    const parsed = JSON.parse(a) as SimulateResult;
    expect(Object.keys(parsed.request.headers)).toEqual(['x-a', 'x-b']);
  });
});
