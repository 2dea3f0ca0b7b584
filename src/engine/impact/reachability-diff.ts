import type { MeshGraph } from '../graph/types/mesh-graph.js';
import { edgeReason } from '../reachability/edges.js';
import type { Reachability, ReachEdge, ReachSource } from '../reachability/reachability-types.js';
import type { ReachabilityEdgeChange, WorkloadChange } from './impact-report.js';
import { explainLostEdge } from './explain-lost-edge.js';

export interface ReachabilityDiff {
  readonly lost: ReachabilityEdgeChange[];
  readonly gained: ReachabilityEdgeChange[];
  readonly unreachable: WorkloadChange[];
  readonly newlyReachable: WorkloadChange[];
}

interface Side {
  readonly graph: MeshGraph;
  readonly reach: Reachability;
}

const NO_EDGES: readonly ReachEdge[] = [];

function edgesOf(source: ReachSource | undefined): readonly ReachEdge[] {
  return source?.edges.edges ?? NO_EDGES;
}

/** Edges (sorted by `to`) in `a` and not in `b`, self-loops excluded. */
function missingEdges(from: string, a: readonly ReachEdge[], b: readonly ReachEdge[]): ReachEdge[] {
  const inB = new Set(b.map((e) => e.to));
  return a.filter((e) => e.to !== from && !inB.has(e.to));
}

/**
 * SEMANTICS §0: lost/gained (source, workload) edges and the workloads whose reachability flips.
 * Sources whose edge lists have the same content key on both sides are skipped without a look.
 */
export function diffReachability(base: Side, target: Side): ReachabilityDiff {
  const lost: ReachabilityEdgeChange[] = [];
  const gained: ReachabilityEdgeChange[] = [];
  const ids = new Set([...base.reach.sourcesById.keys(), ...target.reach.sourcesById.keys()]);
  for (const id of [...ids].sort()) {
    const before = base.reach.sourcesById.get(id);
    const after = target.reach.sourcesById.get(id);
    if (before !== undefined && before.edges.key === after?.edges.key) {
      continue;
    }
    for (const edge of missingEdges(id, edgesOf(before), edgesOf(after))) {
      lost.push({ from: id, to: edge.to, reason: explainLostEdge(base, target, id, edge) });
    }
    for (const edge of missingEdges(id, edgesOf(after), edgesOf(before))) {
      gained.push({ from: id, to: edge.to, reason: `now reaches it: ${edgeReason(edge)}` });
    }
  }
  return { lost, gained, ...diffReachableWorkloads(base, target, lost) };
}

function diffReachableWorkloads(
  base: Side,
  target: Side,
  lost: readonly ReachabilityEdgeChange[],
): Pick<ReachabilityDiff, 'unreachable' | 'newlyReachable'> {
  const before = new Set(base.reach.reachable);
  const after = new Set(target.reach.reachable);
  const kindOf = (side: Side, id: string): string =>
    side.graph.workloadsById.get(id)?.kind ?? 'Workload';
  const unreachable = [...before]
    .filter((id) => !after.has(id))
    .sort()
    .map((id) => ({
      workload: id,
      kind: kindOf(base, id),
      reason: unreachableReason(target, id, lost),
    }));
  const newlyReachable = [...after]
    .filter((id) => !before.has(id))
    .sort()
    .map((id) => ({ workload: id, kind: kindOf(target, id) }));
  return { unreachable, newlyReachable };
}

function unreachableReason(
  target: Side,
  id: string,
  lost: readonly ReachabilityEdgeChange[],
): string {
  if (!target.graph.workloadsById.has(id)) {
    return 'the workload was removed';
  }
  const reasons = [...new Set(lost.filter((e) => e.to === id).map((e) => e.reason))].sort();
  if (reasons.length === 0) {
    return 'no source reaches it any more';
  }
  const shown = reasons.slice(0, 3).join('; ');
  return reasons.length > 3 ? `${shown}; and ${String(reasons.length - 3)} more` : shown;
}
