import type { JsonObject } from '../model/json.js';
import type { CheckResult } from './string-match.js';
import type { MatchContext } from './match-types.js';

/**
 * `resolveGatewayName` (istio/istio:pilot/pkg/model/virtualservice.go, SEMANTICS R2): `name` →
 * `<vs-ns>/name`, `./name` → `<vs-ns>/name`, legacy `name.ns.svc.cluster.local` → `ns/name`,
 * `ns/name` kept, `mesh` reserved.
 */
export function resolveGatewayName(name: string, vsNamespace: string): string {
  if (name === 'mesh') {
    return name;
  }
  const slash = name.indexOf('/');
  if (slash >= 0) {
    return name.slice(0, slash) === '.' ? `${vsNamespace}/${name.slice(slash + 1)}` : name;
  }
  const dot = name.indexOf('.');
  if (dot < 0) {
    return `${vsNamespace}/${name}`;
  }
  const rest = name.slice(dot + 1);
  const next = rest.indexOf('.');
  return `${next < 0 ? rest : rest.slice(0, next)}/${name.slice(0, dot)}`;
}

function stringMap(obj: JsonObject, key: string): Readonly<Record<string, string>> {
  const value = obj[key];
  const out: Record<string, string> = {};
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
        out[k] = String(v);
      }
    }
  }
  return out;
}

export function stringList(obj: JsonObject, key: string): readonly string[] {
  const value = obj[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function labelsText(labels: Readonly<Record<string, string>>): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k] ?? ''}`)
    .join(',');
}

function gatewaysCheck(gateways: readonly string[], ctx: MatchContext): CheckResult {
  const ns = ctx.vsNamespace;
  const resolved = gateways.map((g) => (ns === undefined ? g : resolveGatewayName(g, ns)));
  const ok = resolved.includes(ctx.gateway);
  return {
    ok,
    reason: `gateways [${resolved.join(', ')}] ${ok ? 'include' : 'do not include'} ${ctx.gateway}`,
  };
}

/**
 * Source part of a match (`sourceMatchHTTP`, istio/istio:pilot/pkg/networking/core/route/route.go):
 * when `gateways` is set it alone decides — `sourceLabels` and `sourceNamespace` are then not
 * checked (SEMANTICS R4); otherwise labels ⊆ proxy labels and the namespace must agree.
 * Returns the checks that applied, in order; empty when the match has no source conditions.
 */
export function sourceChecks(match: JsonObject, ctx: MatchContext): CheckResult[] {
  const gateways = stringList(match, 'gateways');
  if (gateways.length > 0) {
    return [gatewaysCheck(gateways, ctx)];
  }
  const out: CheckResult[] = [];
  const labels = stringMap(match, 'sourceLabels');
  if (Object.keys(labels).length > 0) {
    const ok = Object.entries(labels).every(([k, v]) => ctx.sourceLabels[k] === v);
    out.push({
      ok,
      reason: `sourceLabels ${labelsText(labels)} ${ok ? 'matched' : 'did not match'}`,
    });
  }
  const ns = match['sourceNamespace'];
  if (typeof ns === 'string' && ns !== '') {
    const ok = ns === ctx.sourceNamespace;
    out.push({
      ok,
      reason: `sourceNamespace ${ns} ${ok ? 'matched' : `did not match (${ctx.sourceNamespace})`}`,
    });
  }
  return out;
}
