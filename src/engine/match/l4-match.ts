import { isJsonObject, type JsonObject } from '../model/json.js';
import { cidrContains } from '../policy/cidr.js';
import type { MatchContext, MatchResult } from './match-types.js';
import { resolveGatewayName, stringList } from './source-match.js';
import type { CheckResult } from './string-match.js';

export interface L4MatchContext extends MatchContext {
  /** Destination address of the connection, when known (for `destinationSubnets`). */
  readonly destinationIp?: string | null;
}

export interface TlsMatchContext extends L4MatchContext {
  /** SNI the client sends; null when it sends none. */
  readonly sniHost: string | null;
}

export interface L4MatchResult extends MatchResult {
  /** True when the outcome depends on something meshlens does not know (destination address). */
  readonly uncertain: boolean;
}

/**
 * Static part of `matchTCP` / `matchTLS` (istio/istio:pilot/pkg/networking/core/tls.go): gateways,
 * sourceLabels, port and sourceNamespace are ANDed — unlike HTTP, `gateways` does not replace the
 * label check here.
 */
function staticChecks(match: JsonObject, ctx: MatchContext): CheckResult[] {
  const out: CheckResult[] = [];
  const gateways = stringList(match, 'gateways');
  if (gateways.length > 0) {
    const ns = ctx.vsNamespace;
    const resolved = gateways.map((g) => (ns === undefined ? g : resolveGatewayName(g, ns)));
    const ok = resolved.includes(ctx.gateway);
    out.push({
      ok,
      reason: `gateways [${resolved.join(', ')}] ${ok ? 'include' : 'do not include'} ${ctx.gateway}`,
    });
  }
  const labels = isJsonObject(match['sourceLabels']) ? match['sourceLabels'] : {};
  if (Object.keys(labels).length > 0) {
    const ok = Object.entries(labels).every(
      ([k, v]) => typeof v === 'string' && ctx.sourceLabels[k] === v,
    );
    out.push({ ok, reason: `sourceLabels ${ok ? 'matched' : 'did not match'}` });
  }
  const port = match['port'];
  if (typeof port === 'number' && port !== 0) {
    const ok = port === ctx.port;
    out.push({
      ok,
      reason: `port ${String(port)} ${ok ? 'matched' : `did not match (connection on ${String(ctx.port)})`}`,
    });
  }
  const ns = match['sourceNamespace'];
  if (typeof ns === 'string' && ns !== '') {
    const ok = ns === ctx.sourceNamespace;
    out.push({ ok, reason: `sourceNamespace ${ns} ${ok ? 'matched' : 'did not match'}` });
  }
  return out;
}

function subnetCheck(
  match: JsonObject,
  ctx: L4MatchContext,
): (CheckResult & { uncertain: boolean }) | null {
  const subnets = stringList(match, 'destinationSubnets');
  if (subnets.length === 0) {
    return null;
  }
  const ip = ctx.destinationIp ?? null;
  if (ip === null) {
    return {
      ok: false,
      uncertain: true,
      reason: `destinationSubnets [${subnets.join(', ')}] cannot be checked: destination address unknown`,
    };
  }
  const ok = subnets.some((s) => cidrContains(s, ip));
  return {
    ok,
    uncertain: false,
    reason: `destinationSubnets ${ok ? 'contain' : 'do not contain'} ${ip}`,
  };
}

function combine(checks: readonly (CheckResult & { uncertain?: boolean })[]): L4MatchResult {
  const failed = checks.find((c) => !c.ok);
  if (failed !== undefined) {
    return { matched: false, reason: failed.reason, uncertain: failed.uncertain === true };
  }
  const reason =
    checks.length === 0
      ? 'no match conditions (matches every connection)'
      : checks.map((c) => c.reason).join('; ');
  return { matched: true, reason, uncertain: false };
}

/** One `L4MatchAttributes` of a `tcp` route; undefined = matches every connection. */
export function matchTcpRoute(match: JsonObject | undefined, ctx: L4MatchContext): L4MatchResult {
  if (match === undefined) {
    return combine([]);
  }
  const subnet = subnetCheck(match, ctx);
  return combine([...staticChecks(match, ctx), ...(subnet === null ? [] : [subnet])]);
}

/**
 * SNI matching of `sniHosts` (Envoy filter-chain `server_names`): case-insensitive exact, `*`
 * matches any SNI, `*.example.com` matches any name ending in `.example.com` but not `example.com`.
 */
export function sniHostMatches(pattern: string, sni: string): boolean {
  const p = pattern.toLowerCase();
  const s = sni.toLowerCase();
  if (p === '*') {
    return true;
  }
  if (p.startsWith('*')) {
    const suffix = p.slice(1);
    return s.endsWith(suffix) && s.length > suffix.length;
  }
  return p === s;
}

/** One `TLSMatchAttributes` of a `tls` route (sniHosts is required by the API). */
export function matchTlsRoute(match: JsonObject | undefined, ctx: TlsMatchContext): L4MatchResult {
  if (match === undefined) {
    return combine([]);
  }
  const hosts = stringList(match, 'sniHosts');
  const sni = ctx.sniHost;
  const ok = sni !== null && hosts.some((h) => sniHostMatches(h, sni));
  const sniCheck = {
    ok,
    reason: `sniHosts [${hosts.join(', ')}] ${ok ? 'matched' : 'did not match'} ${sni ?? '(no SNI)'}`,
  };
  const subnet = subnetCheck(match, ctx);
  return combine([sniCheck, ...staticChecks(match, ctx), ...(subnet === null ? [] : [subnet])]);
}
