import type { Reachability, ReachEdge } from './reachability-types.js';

/** A flat edge, for reports and diffs. */
export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly reason: string;
}

/** How an edge's traffic is carried, for a reader: a VirtualService rule, or what stands for one. */
const CARRIERS: Readonly<Record<string, string>> = {
  default: 'by default routing (no VirtualService)',
  'kube-proxy': 'through kube-proxy (plain client, no sidecar)',
  passthrough: 'through PassthroughCluster (not in the sidecar registry)',
};

/** Human reason: `reviews.default.svc.cluster.local:9080 via default/reviews#http[0] (subset v1)`. */
export function edgeReason(edge: ReachEdge): string {
  const subset = edge.subset === null ? '' : ` (subset ${edge.subset})`;
  const carrier = CARRIERS[edge.route] ?? `via ${edge.route}`;
  return `${edge.host}:${String(edge.port)} ${carrier}${subset}`;
}

/** Edges of one source, without the self-loop. */
export function edgesFrom(reachability: Reachability, source: string): readonly ReachEdge[] {
  const found = reachability.sourcesById.get(source);
  return found === undefined ? [] : found.edges.edges.filter((e) => e.to !== source);
}

export function findEdge(reachability: Reachability, from: string, to: string): ReachEdge | null {
  const edges = reachability.sourcesById.get(from)?.edges.edges ?? [];
  let low = 0;
  let high = edges.length - 1;
  while (low <= high && from !== to) {
    const mid = (low + high) >> 1;
    const edge = edges[mid];
    if (edge === undefined) {
      break;
    }
    if (edge.to === to) {
      return edge;
    }
    if (edge.to < to) {
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return null;
}

export function hasEdge(reachability: Reachability, from: string, to: string): boolean {
  return findEdge(reachability, from, to) !== null;
}

/** Every edge, sorted by source then target. Size is sources × targets: use on small meshes or per source. */
export function listEdges(reachability: Reachability): Edge[] {
  const out: Edge[] = [];
  for (const source of reachability.sources) {
    for (const edge of source.edges.edges) {
      if (edge.to !== source.id) {
        out.push({ from: source.id, to: edge.to, reason: edgeReason(edge) });
      }
    }
  }
  return out;
}
