import { readDestinationRule } from '../graph/destination-rules/read-destination-rules.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import type { DestinationRuleInfo } from '../graph/types/destination-rule.js';
import type { VirtualServiceInfo } from '../graph/types/virtual-service.js';
import { applyDelegation } from '../graph/virtual-services/delegation.js';
import {
  type ParsedVirtualService,
  readVirtualService,
  readVirtualServices,
} from '../graph/virtual-services/read-virtual-services.js';
import { type Resource, resourceId } from '../model/resource.js';

function ofKind(resources: readonly Resource[], kind: string): Resource[] {
  return resources.filter((r) => r.key.group === 'networking.istio.io' && r.key.kind === kind);
}

function byResourceId<T extends { readonly key: Resource['key'] }>(
  items: readonly T[],
): Map<string, T> {
  return new Map(items.map((item) => [resourceId(item.key), item]));
}

/**
 * The target's DestinationRules as `readDestinationRules` reads them: an unchanged object's
 * reading is the base's (it depends on the object, the mesh config and the cluster domain
 * only, which a routing-only change keeps), a changed one is read again.
 */
export function targetDestinationRules(
  base: MeshGraph,
  resources: readonly Resource[],
  changed: ReadonlySet<string>,
): DestinationRuleInfo[] {
  const known = byResourceId(base.destinationRules.rules);
  return ofKind(resources, 'DestinationRule').map((resource) => {
    const id = resourceId(resource.key);
    const kept = changed.has(id) ? undefined : known.get(id);
    return kept ?? readDestinationRule(resource, base.meshConfig, base.clusterDomain);
  });
}

function usesDelegation(vs: ParsedVirtualService): boolean {
  return vs.isDelegate || vs.parsedHttp.some((rule) => rule.delegate !== null);
}

/**
 * The target's VirtualServices with R6 delegation applied, as `applyDelegation(readVirtualServices
 * (...))` gives them. A VirtualService's result depends on itself and, for a root, on its
 * delegates; so when no changed object is or becomes a delegate and none delegates, the
 * unchanged ones keep the base's results and only the changed ones are read. Otherwise all are
 * read and delegation is applied again.
 */
export function targetVirtualServices(
  base: MeshGraph,
  resources: readonly Resource[],
  changed: ReadonlySet<string>,
): VirtualServiceInfo[] {
  const { meshConfig, clusterDomain } = base;
  const all = ofKind(resources, 'VirtualService');
  const fresh = new Map<Resource, ParsedVirtualService>();
  for (const resource of all) {
    if (changed.has(resourceId(resource.key))) {
      fresh.set(resource, readVirtualService(resource, meshConfig, clusterDomain));
    }
  }
  const known = byResourceId(base.virtualServices.all);
  const delegateChanged = [...known].some(([id, vs]) => vs.isDelegate && changed.has(id));
  if (delegateChanged || [...fresh.values()].some(usesDelegation)) {
    return applyDelegation(readVirtualServices(resources, meshConfig, clusterDomain));
  }
  const out: VirtualServiceInfo[] = [];
  for (const resource of all) {
    const parsed = fresh.get(resource);
    if (parsed !== undefined) {
      out.push(...applyDelegation([parsed]));
      continue;
    }
    const kept = known.get(resourceId(resource.key));
    if (kept === undefined) {
      return applyDelegation(readVirtualServices(resources, meshConfig, clusterDomain));
    }
    out.push(kept);
  }
  return out;
}
