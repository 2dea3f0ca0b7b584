import {
  scopeImportsService,
  scopeImportsVirtualService,
} from '../../graph/sidecars/egress-imports.js';
import type { SidecarIndex } from '../../graph/sidecars/sidecar-index.js';
import type { SidecarScope } from '../../graph/types/sidecar.js';
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

/** Destination hosts of imported mesh VirtualServices that the scope does not import. */
function hiddenHosts(ctx: RuleContext, scope: SidecarScope): Map<string, string> {
  const hidden = new Map<string, string>();
  for (const vs of ctx.graph.virtualServices.forGateway(scope.namespace, 'mesh')) {
    if (!scopeImportsVirtualService(scope, vs)) {
      continue;
    }
    const rules = [...vs.http, ...vs.tcp, ...vs.tls];
    for (const destination of rules.flatMap((r) => r.destinations)) {
      const service = findService(ctx, destination.host, scope.namespace);
      if (
        service !== null &&
        !scopeImportsService(scope, service) &&
        !hidden.has(destination.host)
      ) {
        hidden.set(destination.host, vs.id);
      }
    }
  }
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
