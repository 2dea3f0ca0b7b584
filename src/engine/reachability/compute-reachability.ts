import type { MeshGraph } from '../graph/types/mesh-graph.js';
import { compareStrings, uniqueSorted } from '../graph/util/compare.js';
import { Admission } from './admission.js';
import { EdgeListStore } from './edge-lists.js';
import { compareExposures, gatewayExposures } from './exposures.js';
import { rememberReachability } from './reachability-memo.js';
import type { EdgeList, Reachability, ReachSource } from './reachability-types.js';
import { externalSources, plainSources, type ReachContext, sidecarSources } from './sources.js';

/** W is reachable when some source other than W reaches it (SEMANTICS §0). */
function reachableWorkloads(sources: readonly ReachSource[]): Set<string> {
  const members = new Map<EdgeList, string[]>();
  for (const source of sources) {
    const list = members.get(source.edges) ?? [];
    list.push(source.id);
    members.set(source.edges, list);
  }
  const reachable = new Set<string>();
  for (const [list, ids] of members) {
    for (const edge of list.edges) {
      if (ids.length > 1 || ids[0] !== edge.to) {
        reachable.add(edge.to);
      }
    }
  }
  return reachable;
}

export interface ReachabilityOptions {
  /**
   * Evaluate namespace-insensitive hosts once for every namespace without a Sidecar (default
   * true). Turning it off gives the same result, slower: it exists to check that claim.
   */
  readonly shareAcrossNamespaces?: boolean;
}

/**
 * The source → workload reachability relation and the exposures of a graph (SEMANTICS §0). No
 * request is enumerated: sidecar sources are grouped by what they see (namespace, Sidecar scope,
 * routing-relevant labels) and evaluated once per group, then once per identity for authorization.
 */
export function computeReachability(
  graph: MeshGraph,
  options: ReachabilityOptions = {},
): Reachability {
  const context: ReachContext = {
    graph,
    admission: new Admission(graph),
    store: new EdgeListStore(),
    notes: new Set(graph.notes),
  };
  const sidecars = sidecarSources(context, options.shareAcrossNamespaces ?? true);
  const sources = [...sidecars.sources, ...plainSources(context), ...externalSources(context)];
  sources.sort((a, b) => compareStrings(a.id, b.id));
  const reachable = reachableWorkloads(sources);
  const exposures = graph.gateways
    .filter((g) => g.proxies.length > 0)
    .flatMap((g) => gatewayExposures(graph, g));
  const hostNotes = new Map([...sidecars.hostNotes].map(([host, notes]) => [host, [...notes]]));
  return rememberReachability(
    {
      sources,
      sourcesById: new Map(sources.map((s) => [s.id, s])),
      reachable: uniqueSorted(reachable),
      unreachable: graph.workloads.filter((w) => !reachable.has(w.id)).map((w) => w.id),
      exposures: exposures.sort(compareExposures),
      notes: uniqueSorted(context.notes),
      groupCount: sidecars.groups,
    },
    { hostNotes, scopeNotes: sidecars.scopeNotes },
  );
}
