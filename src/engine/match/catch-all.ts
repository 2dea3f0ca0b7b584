import { isJsonObject, type JsonObject, type JsonValue } from '../model/json.js';

function hasEntries(match: JsonObject, key: string): boolean {
  const value = match[key];
  return isJsonObject(value) && Object.keys(value).length > 0;
}

function isCatchAllUri(uri: JsonValue | undefined): boolean {
  if (uri === undefined) {
    return true;
  }
  if (!isJsonObject(uri)) {
    return false;
  }
  return uri['prefix'] === '/' || uri['regex'] === '.*';
}

export interface CatchAllOptions {
  /**
   * Ignore `port`, `sourceLabels`, `sourceNamespace` and `gateways`: use when the caller has
   * already kept only the matches that apply to one proxy and port (as istiod does per proxy).
   * By default those make the match not catch-all, since other proxies or ports skip it.
   */
  readonly sourceFiltersApplied?: boolean;
}

const SOURCE_FILTERS = ['sourceLabels', 'gateways'] as const;

function hasSourceFilter(match: JsonObject): boolean {
  const port = match['port'];
  const ns = match['sourceNamespace'];
  if ((typeof port === 'number' && port !== 0) || (typeof ns === 'string' && ns !== '')) {
    return true;
  }
  return SOURCE_FILTERS.some((k) => {
    const v = match[k];
    return Array.isArray(v) ? v.length > 0 : hasEntries(match, k);
  });
}

/**
 * A match that every request satisfies (SEMANTICS R5): no match at all, or a URI of `prefix: /`
 * or `regex: .*` (or none) with no headers, withoutHeaders, query params, method, authority or
 * scheme — `IsCatchAllRoute` on the translated Envoy route
 * (istio/istio:pilot/pkg/networking/core/route/route.go), where those all become header or query
 * matchers. `BuildHTTPRoutesForVirtualService` emits nothing after the first catch-all route.
 */
export function isCatchAllMatch(
  match: JsonObject | undefined,
  options: CatchAllOptions = {},
): boolean {
  if (match === undefined) {
    return true;
  }
  if (options.sourceFiltersApplied !== true && hasSourceFilter(match)) {
    return false;
  }
  if (!isCatchAllUri(match['uri'])) {
    return false;
  }
  if (['headers', 'withoutHeaders', 'queryParams'].some((k) => hasEntries(match, k))) {
    return false;
  }
  return ['method', 'authority', 'scheme'].every((k) => match[k] === undefined);
}

/** A route is catch-all when it has no `match` or one of its matches is. */
export function isCatchAllRoute(
  matches: readonly JsonValue[] | undefined,
  options: CatchAllOptions = {},
): boolean {
  if (matches === undefined || matches.length === 0) {
    return true;
  }
  return matches.some((m) => isJsonObject(m) && isCatchAllMatch(m, options));
}
