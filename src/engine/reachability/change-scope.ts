import { hostsMatch, isWildcardHost } from '../graph/hosts/host-name.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import type { VirtualServiceInfo } from '../graph/types/virtual-service.js';
import { sortedStrings } from '../graph/util/compare.js';
import { resourceId } from '../model/resource.js';

/**
 * What a change of VirtualServices/DestinationRules can touch (an over-approximation):
 * - `dirty`: hosts whose sidecar route tables or hits may differ (hosts a changed VS claims,
 *   hosts a changed DestinationRule applies to, hosts whose VS routes to such a host);
 * - `targets`: workloads a hit of a dirty host may reach, on either side;
 * - `recompute`: every host some hit to a target can come from (dirty hosts included), so the
 *   edges to `targets` can be rebuilt from these hosts alone.
 */
export interface ChangeScope {
  readonly dirty: ReadonlySet<string>;
  readonly targets: readonly string[];
  readonly recompute: readonly string[];
}

/** Registry hosts matching a host pattern (R1 host matching, wildcards on either side). */
class RegistryHosts {
  private readonly all: readonly string[];
  private readonly wildcards: readonly string[];

  constructor(private readonly graph: MeshGraph) {
    this.all = [...graph.services.byHost.keys()];
    this.wildcards = this.all.filter(isWildcardHost);
  }

  /** Registry hosts a VS/DR host may apply to, plus the pattern itself (VS-only hosts). */
  matching(pattern: string, out: Set<string>): void {
    out.add(pattern);
    const candidates = isWildcardHost(pattern) ? this.all : this.wildcards;
    for (const host of candidates) {
      if (hostsMatch(host, pattern)) {
        out.add(host);
      }
    }
  }
}

const destinationsOf = new WeakMap<VirtualServiceInfo, readonly string[]>();

function destinationHosts(vs: VirtualServiceInfo): readonly string[] {
  let hosts = destinationsOf.get(vs);
  if (hosts === undefined) {
    hosts = [...vs.http, ...vs.tcp, ...vs.tls].flatMap((r) => r.destinations.map((d) => d.host));
    destinationsOf.set(vs, hosts);
  }
  return hosts;
}

function claimsAny(vs: VirtualServiceInfo, hosts: ReadonlySet<string>): boolean {
  return vs.hosts.some((pattern) =>
    isWildcardHost(pattern)
      ? [...hosts].some((host) => hostsMatch(host, pattern))
      : hosts.has(pattern),
  );
}

/** Changed VirtualServices on both sides, with the roots that delegate to a changed one (R6). */
function changedVirtualServices(
  all: readonly VirtualServiceInfo[],
  changed: ReadonlySet<string>,
): VirtualServiceInfo[] {
  const direct = all.filter((vs) => changed.has(resourceId(vs.key)));
  const delegates = new Set(direct.filter((vs) => vs.isDelegate).map((vs) => vs.id));
  const roots = all.filter((vs) =>
    vs.http.some(
      (r) => r.delegate !== null && delegates.has(`${r.delegate.namespace}/${r.delegate.name}`),
    ),
  );
  return [...direct, ...roots];
}

function dirtyHosts(
  base: MeshGraph,
  target: MeshGraph,
  changed: ReadonlySet<string>,
  registry: RegistryHosts,
): Set<string> {
  const allVs = [...base.virtualServices.all, ...target.virtualServices.all];
  const dirty = new Set<string>();
  for (const vs of changedVirtualServices(allVs, changed)) {
    vs.hosts.forEach((h) => {
      registry.matching(h, dirty);
    });
  }
  const rules = [...base.destinationRules.rules, ...target.destinationRules.rules];
  const ruleHosts = new Set<string>();
  for (const rule of rules.filter((r) => changed.has(resourceId(r.key)))) {
    registry.matching(rule.host, ruleHosts);
  }
  ruleHosts.forEach((h) => dirty.add(h));
  for (const vs of allVs) {
    if (destinationHosts(vs).some((h) => ruleHosts.has(h))) {
      vs.hosts.forEach((h) => {
        registry.matching(h, dirty);
      });
    }
  }
  return dirty;
}

const endpointIndexes = new WeakMap<MeshGraph['services'], Map<string, string[]>>();

/** Workload id → hostnames of the registry entries it is an endpoint of (kept per registry). */
function hostsByEndpoint(graph: MeshGraph): Map<string, string[]> {
  const known = endpointIndexes.get(graph.services);
  if (known !== undefined) {
    return known;
  }
  const out = new Map<string, string[]>();
  for (const service of graph.services.all) {
    for (const workload of graph.services.endpoints.get(service.uid) ?? []) {
      const list = out.get(workload.id) ?? [];
      list.push(service.hostname);
      out.set(workload.id, list);
    }
  }
  endpointIndexes.set(graph.services, out);
  return out;
}

function endpointsOf(graph: MeshGraph, hosts: Iterable<string>, out: Set<string>): void {
  for (const host of hosts) {
    for (const service of graph.services.byHost.get(host) ?? []) {
      (graph.services.endpoints.get(service.uid) ?? []).forEach((w) => out.add(w.id));
    }
  }
}

/** The hosts, targets and hosts to re-evaluate for a change of routing objects (see ChangeScope). */
export function changeScope(
  base: MeshGraph,
  target: MeshGraph,
  changed: ReadonlySet<string>,
): ChangeScope {
  const registry = new RegistryHosts(target);
  const dirty = dirtyHosts(base, target, changed, registry);
  const destinations = new Set(dirty);
  for (const vs of [...base.virtualServices.all, ...target.virtualServices.all]) {
    if (claimsAny(vs, dirty)) {
      destinationHosts(vs).forEach((h) => destinations.add(h));
    }
  }
  const targets = new Set<string>();
  endpointsOf(base, destinations, targets);
  endpointsOf(target, destinations, targets);
  const byEndpoint = hostsByEndpoint(target);
  const reaching = new Set<string>();
  targets.forEach((t) => byEndpoint.get(t)?.forEach((h) => reaching.add(h)));
  const recompute = new Set([...dirty, ...reaching]);
  for (const vs of target.virtualServices.all) {
    if (destinationHosts(vs).some((h) => reaching.has(h))) {
      vs.hosts.forEach((h) => {
        registry.matching(h, recompute);
      });
    }
  }
  return { dirty, targets: sortedStrings(targets), recompute: sortedStrings(recompute) };
}
