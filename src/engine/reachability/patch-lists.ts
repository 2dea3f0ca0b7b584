import { edgeDigests, type EdgeListStore } from './edge-lists.js';
import type { EdgeList, ReachEdge } from './reachability-types.js';

/** First index in `edges` (sorted by `to`, code-unit order) from `start` whose target is ≥ `to`. */
export function lowerBound(edges: readonly ReachEdge[], to: string, start: number): number {
  let low = start;
  let high = edges.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((edges[mid]?.to ?? '') < to) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}

/** Whether a list (sorted by `to`) has an edge to `to`. */
export function listReaches(list: EdgeList, to: string): boolean {
  return list.edges[lowerBound(list.edges, to, 0)]?.to === to;
}

function sameEdge(a: ReachEdge | undefined, b: ReachEdge | undefined): boolean {
  if (a === undefined || b === undefined) {
    return a === b;
  }
  return (
    a === b ||
    (a.to === b.to &&
      a.host === b.host &&
      a.port === b.port &&
      a.route === b.route &&
      a.subset === b.subset)
  );
}

/**
 * `old` with the edge to every workload of `targets` (sorted) replaced by the one of `fresh`
 * (a list holding edges to `targets` only), or dropped when `fresh` has none. Returns `old`
 * itself when nothing differs; otherwise the result is interned in `store` (content keys).
 */
export function patchList(
  old: EdgeList,
  fresh: EdgeList,
  targets: readonly string[],
  store: EdgeListStore,
): EdgeList {
  const freshDigests = edgeDigests(fresh);
  const freshAt = new Map(fresh.edges.map((e, i) => [e.to, i]));
  const oldDigests = edgeDigests(old);
  const edges: ReachEdge[] = [];
  const digests = new Uint32Array(old.edges.length + fresh.edges.length);
  const copy = (from: number, to: number): void => {
    digests.set(oldDigests.subarray(from, to), edges.length);
    for (let k = from; k < to; k += 1) {
      const edge = old.edges[k];
      if (edge !== undefined) {
        edges.push(edge);
      }
    }
  };
  let changed = false;
  let i = 0;
  for (const to of targets) {
    const j = lowerBound(old.edges, to, i);
    copy(i, j);
    const before = old.edges[j]?.to === to ? old.edges[j] : undefined;
    const at = freshAt.get(to);
    const after = at === undefined ? undefined : fresh.edges[at];
    if (after !== undefined && at !== undefined) {
      digests[edges.length] = freshDigests[at] ?? 0;
      edges.push(after);
    }
    changed ||= !sameEdge(before, after);
    i = before === undefined ? j : j + 1;
  }
  if (!changed) {
    return old;
  }
  copy(i, old.edges.length);
  return store.intern(edges, digests.subarray(0, edges.length));
}
