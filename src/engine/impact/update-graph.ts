import {
  destinationRuleNotes,
  indexDestinationRules,
} from '../graph/destination-rules/destination-rule-index.js';
import { type GraphOptions, resolveGraphOptions } from '../graph/options.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import { makeCreationComparator } from '../graph/util/creation-order.js';
import { VirtualServiceIndex } from '../graph/virtual-services/virtual-service-index.js';
import type { Resource } from '../model/resource.js';
import { targetDestinationRules, targetVirtualServices } from './target-routing-objects.js';

const ROUTING_KINDS: ReadonlySet<string> = new Set(['VirtualService', 'DestinationRule']);

function sameOptions(base: MeshGraph, options: GraphOptions): boolean {
  const resolved = resolveGraphOptions(options);
  return (
    base.options.creationOrder === undefined &&
    resolved.clusterDomain === base.options.clusterDomain &&
    resolved.rootNamespace === base.options.rootNamespace &&
    resolved.assumeNamespacesInMesh === base.options.assumeNamespacesInMesh &&
    resolved.assumeDefaultIngressGateway === base.options.assumeDefaultIngressGateway
  );
}

/**
 * True when the target's objects span the namespaces the base graph lists: a namespace without a
 * Namespace object is listed because some object lives in it (readNamespaces), and a routing
 * change can add the first or remove the last object of one.
 */
function sameNamespaces(base: MeshGraph, resources: readonly Resource[]): boolean {
  const seen = new Set<string>();
  for (const resource of resources) {
    const { namespace } = resource.key;
    if (namespace !== '') {
      if (!base.namespaces.has(namespace)) {
        return false;
      }
      seen.add(namespace);
    }
  }
  return [...base.namespaces.values()].every((ns) => ns.isPresent || seen.has(ns.name));
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/**
 * The target graph from the base graph when the change (`changed`: resource ids) only touches
 * VirtualServices and DestinationRules: those two indexes are rebuilt from the target's objects,
 * everything else (mesh config, workloads, services, gateways, Sidecars, policies) is the base's —
 * it reads no VirtualService or DestinationRule. The creation order (R12) of the objects the
 * base already had is unchanged by `options.creationOrder` (they all rank alike), so the reused
 * Sidecar and policy indexes order them as a new resolution would. Returns what
 * `resolveGraph(resources, options)` gives, or null when it cannot tell (other kinds changed,
 * other options, another set of namespaces, or DestinationRule merge notes changed): then resolve in full.
 */
export function updateGraph(
  base: MeshGraph,
  resources: readonly Resource[],
  options: GraphOptions,
  changed: ReadonlySet<string>,
): MeshGraph | null {
  const onlyRouting = [...changed].every((id) => ROUTING_KINDS.has(id.split('/')[1] ?? ''));
  if (!onlyRouting || !sameOptions(base, options) || !sameNamespaces(base, resources)) {
    return null;
  }
  const { rootNamespace } = base;
  const compareCreation = makeCreationComparator(options.creationOrder);
  const destinationRules = indexDestinationRules(
    targetDestinationRules(base, resources, changed),
    rootNamespace,
    compareCreation,
  );
  const notesBefore = destinationRuleNotes(base.destinationRules).sort();
  if (!sameStrings(notesBefore, destinationRuleNotes(destinationRules).sort())) {
    return null;
  }
  return {
    ...base,
    options: resolveGraphOptions(options),
    resources,
    destinationRules,
    virtualServices: new VirtualServiceIndex(
      targetVirtualServices(base, resources, changed),
      compareCreation,
    ),
    compareCreation,
  };
}
