import type { GraphOptions } from '../graph/options.js';
import { resolveGraph } from '../graph/resolve-graph.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import { type Resource, resourceId } from '../model/resource.js';
import { computeReachability } from '../reachability/compute-reachability.js';
import type { Reachability } from '../reachability/reachability-types.js';
import { updateReachability } from '../reachability/update-reachability.js';
import { updateGraph } from './update-graph.js';

/** A resolved snapshot: its graph and reachability. */
export interface ResolvedSnapshot {
  readonly graph: MeshGraph;
  readonly reach: Reachability;
}

export function resolveSide(
  resources: readonly Resource[],
  options: GraphOptions,
): ResolvedSnapshot {
  const graph = resolveGraph(resources, options);
  return { graph, reach: computeReachability(graph) };
}

/** R12 rank of the target's objects: the base's are older (0) than those the change adds (1). */
export function creationRank(base: readonly Resource[]): (key: Resource['key']) => number {
  const ranks = new WeakMap<Resource['key'], number>();
  let baseIds: ReadonlySet<string> | null = null;
  return (key) => {
    let rank = ranks.get(key);
    if (rank === undefined) {
      baseIds ??= new Set(base.map((r) => resourceId(r.key)));
      rank = baseIds.has(resourceId(key)) ? 0 : 1;
      ranks.set(key, rank);
    }
    return rank;
  };
}

/**
 * The target's graph and reachability: derived from the base's where the change cannot affect
 * them (see updateGraph, updateReachability), else resolved and computed in full.
 */
export function resolveTarget(
  resources: readonly Resource[],
  base: ResolvedSnapshot,
  changed: ReadonlySet<string> | null,
  graphOptions: GraphOptions,
): ResolvedSnapshot {
  if (changed === null) {
    return resolveSide(resources, graphOptions);
  }
  const graph =
    updateGraph(base.graph, resources, graphOptions, changed) ??
    resolveGraph(resources, graphOptions);
  return {
    graph,
    reach: updateReachability(base, graph, changed) ?? computeReachability(graph),
  };
}
