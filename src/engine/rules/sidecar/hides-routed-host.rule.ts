import {
  scopeImportsService,
  scopeImportsVirtualService,
} from '../../graph/sidecars/egress-imports.js';
import type { ServiceRegistry } from '../../graph/services/service-registry.js';
import type { SidecarIndex } from '../../graph/sidecars/sidecar-index.js';
import type { SidecarScope } from '../../graph/types/sidecar.js';
import type { VirtualServiceInfo } from '../../graph/types/virtual-service.js';
import type { WorkloadInfo } from '../../graph/types/workload.js';
import type { Rule, RuleContext } from '../rule.js';
import { findService } from '../shared/host-lookup.js';

/**
 * Scopes by the workloads and Sidecar index they were derived from: an impact's target graph
 * shares both with its base's when only routing objects changed, so the target reuses them.
 */
const scopesOf = new WeakMap<SidecarIndex, WeakMap<readonly WorkloadInfo[], SidecarScope[]>>();

/** One scope per distinct (namespace, Sidecar) among in-mesh sidecar workloads. */
function distinctScopes(ctx: RuleContext): SidecarScope[] {
  const { sidecars, workloads } = ctx.graph;
  const bySidecars = scopesOf.get(sidecars) ?? new WeakMap();
  scopesOf.set(sidecars, bySidecars);
  const known = bySidecars.get(workloads);
  if (known !== undefined) {
    return known;
  }
  const sorted = scopesFor(ctx);
  bySidecars.set(workloads, sorted);
  return sorted;
}

function scopesFor(ctx: RuleContext): SidecarScope[] {
  const scopes = new Map<string, SidecarScope>();
  for (const workload of ctx.graph.workloads) {
    if (workload.inMesh && !workload.isGatewayProxy) {
      const scope = ctx.graph.sidecars.scopeFor(workload.namespace, workload.labels);
      scopes.set(scope.key, scope);
    }
  }
  return [...scopes.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

type HiddenCache = WeakMap<VirtualServiceInfo, readonly string[]>;

interface ScopeCache {
  readonly byVirtualService: HiddenCache;
  /** The last VirtualService list seen and the hosts it hides. */
  last: { readonly list: readonly VirtualServiceInfo[]; readonly hidden: Map<string, string> };
}

/**
 * Per registry and scope, answers by VirtualService reading: all immutable, and a routing-only
 * change shares the registry, the scopes (above) and the unchanged VirtualServices' readings with
 * the base, whose answers the target then reuses.
 */
const hiddenCache = new WeakMap<ServiceRegistry, WeakMap<SidecarScope, ScopeCache>>();

function cacheFor(ctx: RuleContext, scope: SidecarScope): ScopeCache {
  const registry = ctx.graph.services;
  let byScope = hiddenCache.get(registry);
  if (byScope === undefined) {
    byScope = new WeakMap();
    hiddenCache.set(registry, byScope);
  }
  let cache = byScope.get(scope);
  if (cache === undefined) {
    cache = { byVirtualService: new WeakMap(), last: { list: [], hidden: new Map() } };
    byScope.set(scope, cache);
  }
  return cache;
}

/** Destination hosts of one imported VirtualService that the scope does not import, in order. */
function hiddenBy(ctx: RuleContext, scope: SidecarScope, vs: VirtualServiceInfo): string[] {
  const hosts: string[] = [];
  if (scopeImportsVirtualService(scope, vs)) {
    for (const destination of [...vs.http, ...vs.tcp, ...vs.tls].flatMap((r) => r.destinations)) {
      const service = findService(ctx, destination.host, scope.namespace);
      if (service !== null && !scopeImportsService(scope, service)) {
        hosts.push(destination.host);
      }
    }
  }
  return hosts;
}

const sameList = <T>(a: readonly T[], b: readonly T[]): boolean =>
  a === b || (a.length === b.length && a.every((x, i) => x === b[i]));

/** Destination hosts of imported mesh VirtualServices that the scope does not import. */
function hiddenHosts(ctx: RuleContext, scope: SidecarScope): Map<string, string> {
  const list = ctx.graph.virtualServices.forGateway(scope.namespace, 'mesh');
  const cache = cacheFor(ctx, scope);
  if (sameList(cache.last.list, list)) {
    return cache.last.hidden;
  }
  const hidden = new Map<string, string>();
  for (const vs of list) {
    let hosts = cache.byVirtualService.get(vs);
    if (hosts === undefined) {
      hosts = hiddenBy(ctx, scope, vs);
      cache.byVirtualService.set(vs, hosts);
    }
    for (const host of hosts) {
      if (!hidden.has(host)) {
        hidden.set(host, vs.id);
      }
    }
  }
  cache.last = { list, hidden };
  return hidden;
}

/**
 * meshlens's own check (SEMANTICS R8): a Sidecar whose egress imports a VirtualService but not a
 * host the VirtualService routes to. The proxies see the route but have no cluster for its
 * destination.
 */
export const sidecarHidesRoutedHostRule: Rule = {
  id: 'sidecar/hides-routed-host',
  description: 'Flags Sidecars that import a VirtualService but not the hosts it routes to.',
  inputs: ['Sidecar', 'VirtualService', 'Service', 'ServiceEntry', 'Workload'],
  messages: ['sidecarHidesRoutedHost'],
  check(ctx) {
    for (const scope of distinctScopes(ctx)) {
      const sidecar = scope.sidecar;
      const resource =
        sidecar === null ? undefined : ctx.find('Sidecar', sidecar.namespace, sidecar.name);
      if (resource === undefined || scope.imports === null) {
        continue;
      }
      for (const [host, virtualService] of hiddenHosts(ctx, scope)) {
        ctx.report('sidecarHidesRoutedHost', resource, 'spec.egress', { host, virtualService });
      }
    }
  },
};
