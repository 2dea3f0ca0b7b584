import { DELEGATE_INHERITED_FIELDS, mergeDelegateMatches } from '../../match/delegate-merge.js';
import type { JsonObject } from '../../model/json.js';
import { isExportedTo } from '../hosts/export-to.js';
import type { HttpRouteRule, RouteMatch, VirtualServiceInfo } from '../types/virtual-service.js';
import { readMatch } from './read-routes.js';
import type { ParsedHttpRule, ParsedVirtualService } from './read-virtual-services.js';

/**
 * A match as Istio merges it: gateway names already resolved in the namespace of the VS that holds
 * it, because `initVirtualServices` resolves short names before `mergeVirtualServicesIfNeeded`
 * (P/model/push_context.go). A delegate's `gateways: [gw]` thus names `<delegate ns>/gw`.
 */
function resolvedRaw(match: RouteMatch): JsonObject {
  return match.gateways.length === 0 ? match.raw : { ...match.raw, gateways: [...match.gateways] };
}

/**
 * R6 `mergeHTTPMatchRequests` (match/delegate-merge.ts): the merged matches, or why they conflict.
 * The merged rule belongs to the root VS, in `namespace`.
 */
function mergeMatches(
  root: readonly RouteMatch[],
  leaf: readonly RouteMatch[],
  namespace: string,
): { readonly matches: RouteMatch[] } | { readonly conflict: string } {
  const merged = mergeDelegateMatches(root.map(resolvedRaw), leaf.map(resolvedRaw));
  if (merged.conflict !== null) {
    return { conflict: merged.conflict };
  }
  return { matches: (merged.matches ?? []).map((raw) => readMatch(raw, namespace)) };
}

function plainRule(vs: ParsedVirtualService, rule: ParsedHttpRule): HttpRouteRule {
  return {
    ref: `${vs.id}#http[${rule.index}]`,
    rule: `http[${rule.index}]`,
    virtualService: vs.id,
    matches: rule.matches,
    destinations: rule.destinations,
    spec: rule.spec,
    name: rule.name,
    delegate: null,
    mirrors: rule.mirrors,
  };
}

function mergedSpec(root: ParsedHttpRule, leaf: ParsedHttpRule, name: string | null): JsonObject {
  const spec: JsonObject = { ...leaf.spec };
  for (const field of DELEGATE_INHERITED_FIELDS) {
    const value = root.spec[field];
    if (spec[field] === undefined && value !== undefined) {
      spec[field] = value;
    }
  }
  delete spec['delegate'];
  if (name !== null) {
    spec['name'] = name;
  }
  return spec;
}

function mergeRule(
  vs: ParsedVirtualService,
  root: ParsedHttpRule,
  delegate: ParsedVirtualService,
  leaf: ParsedHttpRule,
): HttpRouteRule | { readonly conflict: string } {
  const merged = mergeMatches(root.matches, leaf.matches, vs.namespace);
  if ('conflict' in merged) {
    return merged;
  }
  const matches = merged.matches;
  const name =
    root.name !== null && leaf.name !== null
      ? `${root.name}-${leaf.name}`
      : (leaf.name ?? root.name);
  const spec = mergedSpec(root, leaf, name);
  const ownMirrors = leaf.spec['mirror'] !== undefined || leaf.spec['mirrors'] !== undefined;
  return {
    ref: `${vs.id}#http[${root.index}]>http[${leaf.index}]`,
    rule: `http[${root.index}]>http[${leaf.index}]`,
    virtualService: vs.id,
    matches,
    destinations: leaf.destinations,
    spec,
    name,
    delegate: { namespace: delegate.namespace, name: delegate.name },
    mirrors: ownMirrors ? leaf.mirrors : root.mirrors,
  };
}

function toInfo(
  vs: ParsedVirtualService,
  http: HttpRouteRule[],
  notes: string[],
): VirtualServiceInfo {
  return {
    key: vs.key,
    id: vs.id,
    namespace: vs.namespace,
    name: vs.name,
    hosts: vs.hosts,
    gateways: vs.gateways,
    exportTo: vs.exportTo,
    http,
    tcp: vs.tcp,
    tls: vs.tls,
    isDelegate: vs.isDelegate,
    createdAt: vs.createdAt,
    notes,
  };
}

/**
 * R6 — `mergeVirtualServicesIfNeeded` (P/model/virtualservice_controller.go): a root's
 * `http[i].delegate` is replaced by the delegate's rules merged with it; a missing or unexported
 * delegate drops only that rule; a conflicting delegate rule is dropped. Delegate destinations
 * were expanded with the delegate's own namespace (R2). Delegates are returned unchanged.
 */
export function applyDelegation(parsed: readonly ParsedVirtualService[]): VirtualServiceInfo[] {
  const delegates = new Map<string, ParsedVirtualService>();
  for (const vs of parsed) {
    if (vs.isDelegate) {
      delegates.set(vs.id, vs);
    }
  }
  return parsed.map((vs) => {
    const notes = [...vs.notes];
    const http: HttpRouteRule[] = [];
    for (const rule of vs.parsedHttp) {
      if (rule.delegate === null) {
        http.push(plainRule(vs, rule));
        continue;
      }
      const target = `${rule.delegate.namespace}/${rule.delegate.name}`;
      const delegate = delegates.get(target);
      if (delegate === undefined || !isExportedTo(delegate.exportTo, vs.namespace)) {
        notes.push(
          `http[${rule.index}] dropped: delegate ${target} ${delegate === undefined ? 'not found' : `not exported to ${vs.namespace}`}`,
        );
        continue;
      }
      for (const leaf of delegate.parsedHttp) {
        const merged = mergeRule(vs, rule, delegate, leaf);
        if ('conflict' in merged) {
          notes.push(`http[${rule.index}]>http[${leaf.index}] dropped (R6): ${merged.conflict}`);
        } else {
          http.push(merged);
        }
      }
    }
    return toInfo(vs, http, notes);
  });
}
