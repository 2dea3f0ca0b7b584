import type { EffectiveHttpRoute, EffectiveStreamRoute } from '../graph/routing/route-types.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import type { RouteMatch } from '../graph/types/virtual-service.js';
import { matchHttpRequest } from '../match/http-match.js';
import { matchTcpRoute, matchTlsRoute } from '../match/l4-match.js';
import type { MatchContext, MatchResult } from '../match/match-types.js';
import type { SimulatedHttpRequest } from './simulate-request-input.js';
import type { SimulationProxy } from './simulate-source.js';
import type { EvaluatedRule } from './simulate-types.js';

export interface RouteChoice<R> {
  readonly route: R;
  readonly matchIndex: number | null;
  readonly reason: string;
}

export interface RouteSelection<R> {
  readonly choice: RouteChoice<R> | null;
  readonly evaluated: readonly EvaluatedRule[];
}

type AnyRoute = EffectiveHttpRoute | EffectiveStreamRoute;
type RuleKind = 'http' | 'tcp' | 'tls';

/** The gateway name a match is evaluated for: `mesh`, or the Gateway the request entered. */
export function proxyGatewayName(proxy: SimulationProxy): string {
  return proxy.kind === 'gateway' ? proxy.gateway.id : 'mesh';
}

/** Index of `match` in the rule's own `match` list (routes only keep the entries that apply). */
function originalIndex(graph: MeshGraph, route: AnyRoute, kind: RuleKind, match: RouteMatch) {
  const vs =
    route.virtualService === null
      ? undefined
      : graph.virtualServices.byId.get(route.virtualService);
  const rule = vs?.[kind].find((r) => r.ref === route.ref);
  const index = rule?.matches.indexOf(match) ?? -1;
  return { index: index < 0 ? null : index, count: rule?.matches.length ?? 0 };
}

function contextFor(
  proxy: SimulationProxy,
  route: AnyRoute,
  match: RouteMatch,
  port: number,
): MatchContext {
  const own = proxyGatewayName(proxy);
  // Gateway routes were already filtered by `match.gateways` for every Gateway sharing this
  // listener (R4 merge), so a gateway named in the match that served the route stands in for it.
  const gateway =
    proxy.kind === 'gateway' && match.gateways.length > 0 && !match.gateways.includes(own)
      ? (match.gateways[0] ?? own)
      : own;
  const vsNamespace = route.virtualService?.split('/')[0];
  return {
    sourceLabels: proxy.labels,
    sourceNamespace: proxy.workload?.namespace ?? proxy.namespace,
    gateway,
    port,
    ...(vsNamespace === undefined ? {} : { vsNamespace }),
  };
}

type Matcher = (match: RouteMatch, ctx: MatchContext) => MatchResult;

function noMatchReason(route: AnyRoute): string {
  return route.virtualService === null
    ? 'no VirtualService rule applies: default route to every endpoint of the service (R11)'
    : 'route has no match conditions (catch-all)';
}

function select<R extends AnyRoute>(
  graph: MeshGraph,
  routes: readonly R[],
  kind: RuleKind,
  proxy: SimulationProxy,
  port: number,
  matcher: Matcher,
): RouteSelection<R> {
  const evaluated: EvaluatedRule[] = [];
  for (const route of routes) {
    const base = { virtualService: route.virtualService, rule: route.rule };
    if (route.matches.length === 0) {
      const reason = noMatchReason(route);
      evaluated.push({ ...base, matched: true, reason });
      return { choice: { route, matchIndex: null, reason }, evaluated };
    }
    const failures: string[] = [];
    for (const match of route.matches) {
      const result = matcher(match, contextFor(proxy, route, match, port));
      const { index, count } = originalIndex(graph, route, kind, match);
      const reason =
        count > 1 && index !== null ? `match[${String(index)}]: ${result.reason}` : result.reason;
      if (result.matched) {
        evaluated.push({ ...base, matched: true, reason });
        return { choice: { route, matchIndex: index, reason }, evaluated };
      }
      failures.push(reason);
    }
    evaluated.push({ ...base, matched: false, reason: failures.join('; ') });
  }
  return { choice: null, evaluated };
}

/** First HTTP route whose match holds for the request (Envoy route order, R5). */
export function selectHttpRoute(
  graph: MeshGraph,
  routes: readonly EffectiveHttpRoute[],
  proxy: SimulationProxy,
  request: SimulatedHttpRequest,
): RouteSelection<EffectiveHttpRoute> {
  const attributes = {
    authority: request.authority,
    method: request.method,
    path: request.path,
    scheme: request.scheme,
    headers: request.headers,
  };
  return select(graph, routes, 'http', proxy, request.port, (match, ctx) =>
    matchHttpRequest(match.raw, attributes, ctx),
  );
}

/**
 * First TCP / TLS route for the connection. The destination address is unknown, so a
 * `destinationSubnets` condition does not hold (noted in the reason); TLS routes match the SNI,
 * taken to be the request host.
 */
export function selectStreamRoute(
  graph: MeshGraph,
  routes: readonly EffectiveStreamRoute[],
  kind: 'tcp' | 'tls',
  proxy: SimulationProxy,
  request: SimulatedHttpRequest,
): RouteSelection<EffectiveStreamRoute> {
  return select(graph, routes, kind, proxy, request.port, (match, ctx) =>
    kind === 'tcp'
      ? matchTcpRoute(match.raw, { ...ctx, destinationIp: null })
      : matchTlsRoute(match.raw, { ...ctx, destinationIp: null, sniHost: request.host }),
  );
}
