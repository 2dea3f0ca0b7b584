import type { MeshGraph } from '../graph/types/mesh-graph.js';
import { ok, type Result } from '../model/result.js';
import { decideRoutedRequest } from './decide-route.js';
import { decideUnroutedRequest } from './decide-unrouted.js';
import { httpsRedirectServer } from './gateway-https-redirect.js';
import { type ProxyRoutes, routeTableFor } from './route-table.js';
import {
  normalizeRequest,
  requestJson,
  type SimulatedHttpRequest,
} from './simulate-request-input.js';
import { resolveSimulationProxy, type SimulationProxy } from './simulate-source.js';
import type { SimulateError, SimulateRequest, SimulateResult } from './simulate-types.js';
import { emptyDecision, routeField, type SimulationDecision } from './simulation-decision.js';

function decide(
  graph: MeshGraph,
  proxy: SimulationProxy,
  request: SimulatedHttpRequest,
  routes: ProxyRoutes,
): SimulationDecision {
  const table = routes.table;
  if (table.status !== 'routed' && table.status !== 'default') {
    return decideUnroutedRequest(graph, proxy, request, table, routes.resolvedHost);
  }
  if (proxy.kind === 'gateway' && request.scheme === 'http') {
    const server = httpsRedirectServer(graph, proxy.gateway, request.host, request.port);
    if (server !== null) {
      return emptyDecision('redirect', [
        `${server} has tls.httpsRedirect: every plain-HTTP request is answered with a 301 to https before any route is matched`,
      ]);
    }
  }
  return decideRoutedRequest({ graph, proxy, request, table });
}

function uniqueNotes(groups: readonly (readonly string[])[]): string[] {
  return [...new Set(groups.flat())];
}

/**
 * Simulates one request (contracts/simulate.md): resolves the source (a sidecar, a plain client,
 * or a Gateway's proxy), the route table its proxy has for the host and port (R1–R8, R11), the
 * first rule whose match holds (or default routing, passthrough, blackhole, no route), the weighted
 * destinations and the workloads behind them, then — for each endpoint — the TLS mode negotiated
 * against its PeerAuthentication (R9) and the authorization verdict (R10).
 *
 * Input problems (malformed or unknown source, bad port/path) are returned as errors; every routing
 * outcome, including failures, is a result. Deterministic: same graph and request, same JSON.
 */
export function simulateRequest(
  graph: MeshGraph,
  request: SimulateRequest,
): Result<SimulateResult, SimulateError> {
  const resolved = resolveSimulationProxy(graph, request.from, request.sourceLabels);
  if (!resolved.ok) {
    return resolved;
  }
  const proxy = resolved.value;
  const normalized = normalizeRequest(request, proxy);
  if (!normalized.ok) {
    return normalized;
  }
  const input = normalized.value;
  const routes = routeTableFor(graph, proxy, input.host, input.port);
  const decision = decide(graph, proxy, input, routes);
  const route = decision.route;
  return ok({
    schemaVersion: 1,
    request: requestJson(input),
    source: {
      id: proxy.id,
      kind: proxy.kind,
      namespace: proxy.namespace,
      proxy: proxy.proxyId,
      identity: proxy.identity,
    },
    outcome: decision.outcome,
    match: decision.match,
    destinations: decision.destinations,
    redirect: routeField(route, 'redirect'),
    rewrite: routeField(route, 'rewrite'),
    fault: routeField(route, 'fault'),
    headers: routeField(route, 'headers'),
    directResponse: routeField(route, 'directResponse'),
    timeout: routeField(route, 'timeout'),
    retries: routeField(route, 'retries'),
    corsPolicy: routeField(route, 'corsPolicy'),
    mirrors: decision.mirrors,
    tls: decision.tls,
    authorization: decision.authorization,
    resolvedHost: routes.resolvedHost,
    virtualHost: routes.table.virtualHost,
    evaluated: decision.evaluated,
    notes: uniqueNotes([
      proxy.notes,
      input.notes,
      routes.notes,
      routes.table.notes,
      decision.notes,
    ]),
  });
}
