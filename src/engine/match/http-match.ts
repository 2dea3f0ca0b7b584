import { isJsonObject, type JsonObject, type JsonValue } from '../model/json.js';
import type {
  HttpRequestAttributes,
  MatchContext,
  MatchResult,
  RouteMatchResult,
} from './match-types.js';
import { sourceChecks } from './source-match.js';
import {
  checkStringMatch,
  describeStringMatch,
  parseStringMatch,
  testStringMatch,
  type CheckResult,
} from './string-match.js';

function headerValue(request: HttpRequestAttributes, name: string): string | undefined {
  const lower = name.toLowerCase();
  if (lower.startsWith('@request.auth.claims')) {
    return undefined; // JWT claims are routed on dynamic metadata; meshlens models no JWT.
  }
  for (const [k, v] of Object.entries(request.headers)) {
    if (k.toLowerCase() === lower) {
      return v;
    }
  }
  return undefined;
}

/** First value of a query parameter, undecoded (`?a` gives ''). */
function queryValue(path: string, name: string): string | undefined {
  const q = path.indexOf('?');
  for (const pair of q < 0 ? [] : path.slice(q + 1).split('&')) {
    const eq = pair.indexOf('=');
    if ((eq < 0 ? pair : pair.slice(0, eq)) === name) {
      return eq < 0 ? '' : pair.slice(eq + 1);
    }
  }
  return undefined;
}

function entries(match: JsonObject, key: string): [string, JsonValue][] {
  const value = match[key];
  return isJsonObject(value)
    ? Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    : [];
}

/**
 * `uri`: Envoy `prefix` tests the start of `:path` (query included); `path` (exact) and
 * `safe_regex` use the path without its query string; `ignoreUriCase` applies to exact/prefix only.
 */
function uriCheck(match: JsonObject, request: HttpRequestAttributes): CheckResult[] {
  const m = parseStringMatch(match['uri'], false);
  if (m === null) {
    return [];
  }
  const bare = request.path.split('?')[0] ?? request.path;
  return [
    checkStringMatch(
      'uri',
      m,
      m.kind === 'prefix' ? request.path : bare,
      match['ignoreUriCase'] === true,
    ),
  ];
}

function pseudoHeaderChecks(match: JsonObject, request: HttpRequestAttributes): CheckResult[] {
  const out: CheckResult[] = [];
  const fields = [
    ['scheme', request.scheme],
    ['method', request.method],
    ['authority', request.authority],
  ] as const;
  for (const [field, value] of fields) {
    const m = parseStringMatch(match[field], true);
    if (m !== null) {
      out.push(checkStringMatch(field, m, value));
    }
  }
  return out;
}

function headerChecks(match: JsonObject, request: HttpRequestAttributes): CheckResult[] {
  const out: CheckResult[] = [];
  for (const [name, json] of entries(match, 'headers')) {
    const m = parseStringMatch(json, true);
    if (m !== null) {
      out.push(checkStringMatch(`header ${name}`, m, headerValue(request, name)));
    }
  }
  // Inverted matchers; a missing header counts as empty unless the test is a presence test
  // (`TreatMissingHeaderAsEmpty`, TranslateRouteMatch in route.go).
  for (const [name, json] of entries(match, 'withoutHeaders')) {
    const m = parseStringMatch(json, true);
    const value = headerValue(request, name);
    if (m !== null) {
      const hit =
        m.kind === 'present' ? value !== undefined : testStringMatch(m, value ?? '') === true;
      const what = `withoutHeaders ${name} ${describeStringMatch(m)}`;
      out.push({
        ok: !hit,
        reason: hit
          ? `${what} matched the request (excluded)`
          : `${what} held (header absent or different)`,
      });
    }
  }
  for (const [name, json] of entries(match, 'queryParams')) {
    const m = parseStringMatch(json, true);
    if (m !== null) {
      out.push(checkStringMatch(`queryParam ${name}`, m, queryValue(request.path, name)));
    }
  }
  return out;
}

function portCheck(match: JsonObject, ctx: MatchContext): CheckResult[] {
  const port = match['port'];
  if (typeof port !== 'number' || port === 0) {
    return [];
  }
  const ok = port === ctx.port;
  return [
    {
      ok,
      reason: `port ${String(port)} ${ok ? 'matched' : `did not match (request on ${String(ctx.port)})`}`,
    },
  ];
}

/**
 * One `HTTPMatchRequest` (raw VirtualService JSON) against a request: every set field must hold
 * (`translateRoute` + `TranslateRouteMatch`, istio/istio:pilot/pkg/networking/core/route/route.go).
 * No match object = catch-all. The reason names the first failing condition, or all that held.
 */
export function matchHttpRequest(
  match: JsonObject | undefined,
  request: HttpRequestAttributes,
  ctx: MatchContext,
): MatchResult {
  if (match === undefined) {
    return { matched: true, reason: 'no match conditions (matches every request)' };
  }
  const checks = [
    () => portCheck(match, ctx),
    () => sourceChecks(match, ctx),
    () => uriCheck(match, request),
    () => pseudoHeaderChecks(match, request),
    () => headerChecks(match, request),
  ];
  const passed: string[] = [];
  for (const run of checks) {
    for (const check of run()) {
      if (!check.ok) {
        return { matched: false, reason: check.reason };
      }
      passed.push(check.reason);
    }
  }
  return {
    matched: true,
    reason: passed.length === 0 ? 'empty match (matches every request)' : passed.join('; '),
  };
}

/** `route.match[]` is an OR; a route without `match` is a catch-all. */
export function matchHttpRoute(
  matches: readonly JsonValue[] | undefined,
  request: HttpRequestAttributes,
  ctx: MatchContext,
): RouteMatchResult {
  if (matches === undefined || matches.length === 0) {
    return { matched: true, reason: 'route has no match conditions (catch-all)', matchIndex: null };
  }
  const failures: string[] = [];
  for (const [i, match] of matches.entries()) {
    const result = matchHttpRequest(isJsonObject(match) ? match : {}, request, ctx);
    if (result.matched) {
      return { ...result, matchIndex: i };
    }
    failures.push(matches.length === 1 ? result.reason : `match[${String(i)}]: ${result.reason}`);
  }
  return { matched: false, reason: failures.join('; '), matchIndex: null };
}
