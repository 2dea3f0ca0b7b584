import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveGraph } from '../graph/resolve-graph.js';
import { loadFolder, SCENARIOS_DIR } from '../../../test/support/engine-fixtures.js';
import { computeReachability } from './compute-reachability.js';
import { listEdges } from './edges.js';

/*
 * Bookinfo (scenario 01 "before"), worked out by hand from SEMANTICS §0:
 * - Sources: the six Bookinfo workloads in `default` (istio-injection=enabled → sidecars) and
 *   external:default/bookinfo-gateway (served by istio-system/istio-ingressgateway, selected by
 *   istio=ingressgateway). The ingress gateway itself is a gateway proxy, not a source.
 * - No Sidecar, ALLOW_ANY, everything exported: every sidecar sees details, productpage, ratings,
 *   reviews (port 9080) and istio-ingressgateway (80, 443).
 * - The mesh VirtualServices send each of the four Bookinfo hosts to subset v1 only (DR subsets
 *   select version=v1), so only the v1 workloads receive traffic; reviews-v2/v3 get nothing.
 * - istio-ingressgateway has no VirtualService: default routing to its only endpoint.
 * - No PeerAuthentication (PERMISSIVE) and no AuthorizationPolicy: everything is admitted.
 * - The bookinfo VS (gateway bookinfo-gateway, host *) routes /productpage etc. to productpage:9080.
 * - A workload does not count as reaching itself.
 */
const V1_TARGETS: Record<string, string> = {
  'default/details-v1':
    'details.default.svc.cluster.local:9080 via default/details#http[0] (subset v1)',
  'default/productpage-v1':
    'productpage.default.svc.cluster.local:9080 via default/productpage#http[0] (subset v1)',
  'default/ratings-v1':
    'ratings.default.svc.cluster.local:9080 via default/ratings#http[0] (subset v1)',
  'default/reviews-v1':
    'reviews.default.svc.cluster.local:9080 via default/reviews#http[0] (subset v1)',
  'istio-system/istio-ingressgateway':
    'istio-ingressgateway.istio-system.svc.cluster.local:80 by default routing (no VirtualService)',
};

const SIDECARS = [
  'default/details-v1',
  'default/productpage-v1',
  'default/ratings-v1',
  'default/reviews-v1',
  'default/reviews-v2',
  'default/reviews-v3',
];

const expectedEdges = [
  ...SIDECARS.flatMap((from) =>
    Object.entries(V1_TARGETS)
      .filter(([to]) => to !== from)
      .map(([to, reason]) => ({ from, to, reason })),
  ),
  {
    from: 'external:default/bookinfo-gateway',
    to: 'default/productpage-v1',
    reason: 'productpage.default.svc.cluster.local:9080 via default/bookinfo#http[0]',
  },
];

describe('golden: Bookinfo reachability (scenario 01, before)', () => {
  const reachability = computeReachability(
    resolveGraph(loadFolder(join(SCENARIOS_DIR, '01-canary-10-percent', 'before'))),
  );

  it('has the hand-checked sources', () => {
    expect(reachability.sources.map((s) => [s.id, s.kind])).toEqual([
      ...SIDECARS.map((id) => [id, 'sidecar']),
      ['external:default/bookinfo-gateway', 'external'],
    ]);
  });

  it('has exactly the hand-checked edges', () => {
    expect(listEdges(reachability)).toEqual(expectedEdges);
  });

  it('reviews-v2 and reviews-v3 receive no traffic', () => {
    expect(reachability.unreachable).toEqual(['default/reviews-v2', 'default/reviews-v3']);
    expect(reachability.reachable).toEqual(Object.keys(V1_TARGETS));
  });

  it('exposes * on port 8080 through bookinfo-gateway', () => {
    expect(reachability.exposures).toEqual([
      { gateway: 'default/bookinfo-gateway', host: '*', port: 8080, protocol: 'HTTP' },
    ]);
  });
});
