import type { JsonValue } from '../../model/json.js';
import { isCatchAllMatch } from '../../match/catch-all.js';
import type { HttpRouteRule, RouteMatch, VirtualServiceInfo } from '../types/virtual-service.js';
import { type Labels, selectorMatches } from '../util/labels.js';
import { effectiveDestinations, type ServiceResolver } from './destinations.js';
import type { EffectiveHttpRoute } from './route-types.js';

/** The proxy a route list is built for (`sourceMatchHTTP` inputs). */
export interface RouteSource {
  /** `mesh` for sidecars, the Gateway ids (`ns/name`) for a gateway server. */
  readonly gatewayNames: ReadonlySet<string>;
  readonly labels: Labels;
  readonly namespace: string;
}

/**
 * R4 — `sourceMatchHTTP` (P/networking/core/route/route.go): `match.gateways`, when set, replaces
 * the `sourceLabels`/`sourceNamespace` check; a `port` must equal the listener port.
 */
export function matchApplies(
  match: RouteMatch,
  source: RouteSource,
  listenPort: number | null,
): boolean {
  if (match.port !== null && listenPort !== null && match.port !== listenPort) {
    return false;
  }
  if (match.gateways.length > 0) {
    return match.gateways.some((g) => source.gatewayNames.has(g));
  }
  if (!selectorMatches(match.sourceLabels, source.labels)) {
    return false;
  }
  return match.sourceNamespace === null || match.sourceNamespace === source.namespace;
}

function field(rule: HttpRouteRule, key: string): JsonValue | null {
  return rule.spec[key] ?? null;
}

function toEffective(
  rule: HttpRouteRule,
  matches: readonly RouteMatch[],
  isCatchAll: boolean,
  resolve: ServiceResolver,
  listenPort: number | null,
): EffectiveHttpRoute {
  return {
    ref: rule.ref,
    rule: rule.rule,
    virtualService: rule.virtualService,
    delegate: rule.delegate,
    name: rule.name,
    matches,
    isCatchAll,
    destinations: effectiveDestinations(rule.destinations, resolve, listenPort),
    mirrors: effectiveDestinations(rule.mirrors, resolve, listenPort).map((m) => ({
      ...m,
      weight: 100,
    })),
    rewrite: field(rule, 'rewrite'),
    redirect: field(rule, 'redirect'),
    directResponse: field(rule, 'directResponse'),
    fault: field(rule, 'fault'),
    retries: field(rule, 'retries'),
    timeout: field(rule, 'timeout'),
    headers: field(rule, 'headers'),
    corsPolicy: field(rule, 'corsPolicy'),
    spec: rule.spec,
  };
}

/**
 * `BuildHTTPRoutesForVirtualService` (P/networking/core/route/route.go): matches that do not apply
 * to this proxy/port are skipped, and nothing after the first catch-all (no match, or `prefix: /`
 * without header/query/method conditions) is emitted (R5, IST0130/IST0131).
 */
export function buildHttpRoutes(
  vs: VirtualServiceInfo,
  source: RouteSource,
  listenPort: number | null,
  resolve: ServiceResolver,
): EffectiveHttpRoute[] {
  const out: EffectiveHttpRoute[] = [];
  for (const rule of vs.http) {
    if (rule.matches.length === 0) {
      out.push(toEffective(rule, [], true, resolve, listenPort));
      break;
    }
    const applying: RouteMatch[] = [];
    let catchAll = false;
    for (const match of rule.matches) {
      if (matchApplies(match, source, listenPort)) {
        applying.push(match);
        if (isCatchAllMatch(match.raw, { sourceFiltersApplied: true })) {
          catchAll = true;
          break;
        }
      }
    }
    if (applying.length > 0) {
      out.push(toEffective(rule, applying, catchAll, resolve, listenPort));
    }
    if (catchAll) {
      break;
    }
  }
  return out;
}
