import { compareSpecificity, hostsMatch, isWildcardHost } from '../graph/hosts/host-name.js';
import { MESH_GATEWAY } from '../graph/hosts/short-name.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import { pushTo } from '../graph/util/compare.js';

/** Exact and wildcard host index of some config kind. */
class HostIndex<T> {
  private readonly exact = new Map<string, T[]>();
  private readonly wildcards: [string, T[]][] = [];

  constructor(entries: Iterable<readonly [string, T]>) {
    const wild = new Map<string, T[]>();
    for (const [host, item] of entries) {
      pushTo(isWildcardHost(host) ? wild : this.exact, host, item);
    }
    this.wildcards = [...wild.entries()].sort((a, b) => compareSpecificity(a[0], b[0]));
  }

  /** Every item whose host is `host` or a wildcard overlapping it. */
  matching(host: string): T[] {
    const out = [...(this.exact.get(host) ?? [])];
    for (const [wildcard, items] of this.wildcards) {
      if (hostsMatch(host, wildcard)) {
        out.push(...items);
      }
    }
    return out;
  }
}

/**
 * Registry hosts whose sidecar routing may differ between namespaces that have no Sidecar: a
 * host is insensitive when it has one public registry entry, every DestinationRule for it is
 * public, selector-less and lives in its namespace or the root namespace (R7 tiers then agree),
 * and every mesh VirtualService for it is public, reads no source labels/namespace, and routes to
 * insensitive hosts. Insensitive hosts are evaluated once for all such namespaces.
 */
export function namespaceSensitiveHosts(graph: MeshGraph): Set<string> {
  const rules = new HostIndex(graph.destinationRules.rules.map((r) => [r.host, r] as const));
  const meshVs = graph.virtualServices.all.filter(
    (vs) => !vs.isDelegate && vs.gateways.includes(MESH_GATEWAY),
  );
  const virtualServices = new HostIndex(
    meshVs.flatMap((vs) => [...new Set(vs.hosts)].map((h) => [h, vs] as const)),
  );
  const hostOk = (host: string): boolean => {
    const entries = graph.services.byHost.get(host) ?? [];
    const entry = entries[0];
    if (entries.length !== 1 || entry?.exportTo.isPublic !== true) {
      return entries.length === 0;
    }
    return rules
      .matching(host)
      .every(
        (r) =>
          r.selector === null &&
          r.exportTo.isPublic &&
          (r.namespace === entry.namespace || r.namespace === graph.rootNamespace),
      );
  };
  const sensitive = new Set<string>();
  for (const host of graph.services.byHost.keys()) {
    const claims = virtualServices.matching(host);
    const vsOk = claims.every(
      (vs) =>
        vs.exportTo.isPublic &&
        [...vs.http, ...vs.tcp, ...vs.tls].every(
          (rule) =>
            rule.matches.every((m) => m.sourceLabels === null && m.sourceNamespace === null) &&
            rule.destinations.every((d) => hostOk(d.host)),
        ),
    );
    if (!vsOk || !hostOk(host) || graph.services.byHost.get(host)?.length !== 1) {
      sensitive.add(host);
    }
  }
  return sensitive;
}
