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

/**
 * Edges (sorted by `to`) in list `a` and not in list `b`. Lists are shared by many sources, so
 * the difference is computed once per pair of lists; callers drop the source's self-loop.
 */
function listDifference(
  cache: Map<string, readonly ReachEdge[]>,
  a: ReachSource | undefined,
  b: ReachSource | undefined,
): readonly ReachEdge[] {
  const key = `${a?.edges.key ?? ''}\u0000${b?.edges.key ?? ''}`;
  let found = cache.get(key);
  if (found === undefined) {
    found = sortedDifference(edgesOf(a), edgesOf(b));
    cache.set(key, found);
  }
  return found;
}

/** Edges of `a` whose target `b` lacks; both lists are sorted by `to` (code-unit order). */
function sortedDifference(a: readonly ReachEdge[], b: readonly ReachEdge[]): ReachEdge[] {
  const out: ReachEdge[] = [];
  let j = 0;
  for (const edge of a) {
    // Lists derived from one another share unchanged edges: then no string compare is needed.
    if (b[j] !== edge) {
      while (j < b.length && (b[j]?.to ?? '') < edge.to) {
        j += 1;
      }
      if (b[j]?.to !== edge.to) {
        out.push(edge);
        continue;
      }
    }
    j += 1;
  }
  return out;
}

/** Which explanation a lost edge can share: same lists before/after, namespace and target. */
function explanationGroup(
  id: string,
  before: ReachSource | undefined,
  after: ReachSource | undefined,
): string {
  const namespace = before?.namespace ?? after?.namespace ?? '';
  const external = id.startsWith('external:') ? id : '';
  return `${before?.edges.key ?? ''}|${after?.edges.key ?? ''}|${namespace}|${external}`;
}

/**
 * SEMANTICS §0: lost/gained (source, workload) edges and the workloads whose reachability flips.
 * Sources whose edge lists have the same content key on both sides are skipped without a look.
 * Sources with the same lists before and after see the same config (that is how lists are
 * shared), so one explanation per (lists, namespace, target) serves them all: on a large mesh a
 * change can cut thousands of sources off the same workloads.
 */
export function diffReachability(base: Side, target: Side): ReachabilityDiff {
  const lost: ReachabilityEdgeChange[] = [];
  const gained: ReachabilityEdgeChange[] = [];
  const reasons = new Map<string, string>();
  const explain = (id: string, group: string, edge: ReachEdge): string => {
    const key = `${group}|${edge.to}`;
    const known = reasons.get(key);
    if (known !== undefined) {
      return known;
    }
    const reason = explainLostEdge(base, target, id, edge);
    reasons.set(key, reason);
    return reason;
  };
  const differences = new Map<string, readonly ReachEdge[]>();
  const ids = new Set([...base.reach.sourcesById.keys(), ...target.reach.sourcesById.keys()]);
  for (const id of [...ids].sort()) {
    const before = base.reach.sourcesById.get(id);
    const after = target.reach.sourcesById.get(id);
    if (before !== undefined && before.edges.key === after?.edges.key) {
      continue;
    }
    const group = explanationGroup(id, before, after);
    for (const edge of listDifference(differences, before, after)) {
      if (edge.to !== id) {
        lost.push({ from: id, to: edge.to, reason: explain(id, group, edge) });
      }
    }
    for (const edge of listDifference(differences, after, before)) {
      if (edge.to !== id) {
        gained.push({ from: id, to: edge.to, reason: `now reaches it: ${edgeReason(edge)}` });
      }
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
  const reasonsByTarget = new Map<string, Set<string>>();
  for (const edge of lost) {
    const set = reasonsByTarget.get(edge.to) ?? new Set<string>();
    set.add(edge.reason);
    reasonsByTarget.set(edge.to, set);
  }
  const unreachable = [...before]
    .filter((id) => !after.has(id))
    .sort()
    .map((id) => ({
      workload: id,
      kind: kindOf(base, id),
      reason: unreachableReason(target, id, reasonsByTarget.get(id)),
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
  lostReasons: ReadonlySet<string> | undefined,
): string {
  if (!target.graph.workloadsById.has(id)) {
    return 'the workload was removed';
  }
  const reasons = [...(lostReasons ?? [])].sort();
  if (reasons.length === 0) {
    return 'no source reaches it any more';
  }
  const shown = reasons.slice(0, 3).join('; ');
  return reasons.length > 3 ? `${shown}; and ${String(reasons.length - 3)} more` : shown;
}
