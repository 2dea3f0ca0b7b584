import type { Reachability } from '../../engine/index.js';

export type TrafficNodeKind = 'external' | 'workload' | 'host';

export interface TrafficNode {
  readonly id: string;
  readonly kind: TrafficNodeKind;
  readonly label: string;
  /** Workloads no other source reaches (SEMANTICS §0). */
  readonly unreachable: boolean;
}

export interface TrafficEdge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

export interface TrafficGraph {
  readonly nodes: readonly TrafficNode[];
  readonly edges: readonly TrafficEdge[];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const KIND_ORDER: Readonly<Record<TrafficNodeKind, number>> = { external: 0, host: 1, workload: 2 };

/**
 * The traffic graph drawn by `meshlens graph --format dot|mermaid`: sources (Gateways as
 * `external:<ns>/<gateway>`, workloads) → the host they call (edge label `:port`) → the workload
 * that host delivers to (edge label the subset, if any), from the reachability edges — so only
 * traffic that routing, mTLS and authorization admit is drawn. Every workload and every Gateway
 * source is a node, edges or not.
 */
export function buildTrafficGraph(
  reachability: Reachability,
  workloads: readonly string[],
): TrafficGraph {
  const unreachable = new Set(reachability.unreachable);
  const nodes = new Map<string, TrafficNode>();
  const edges = new Map<string, TrafficEdge>();
  const addNode = (id: string, kind: TrafficNodeKind, label: string): void => {
    if (!nodes.has(id)) {
      nodes.set(id, { id, kind, label, unreachable: kind === 'workload' && unreachable.has(id) });
    }
  };
  const addEdge = (from: string, to: string, label: string): void => {
    edges.set(`${from}\u0000${to}\u0000${label}`, { from, to, label });
  };
  workloads.forEach((id) => {
    addNode(id, 'workload', id);
  });
  for (const source of reachability.sources) {
    if (source.kind === 'external') {
      addNode(source.id, 'external', source.id);
    }
    for (const edge of source.edges.edges) {
      if (edge.to === source.id) {
        continue;
      }
      const hostId = `host:${edge.host}`;
      addNode(source.id, source.kind === 'external' ? 'external' : 'workload', source.id);
      addNode(hostId, 'host', edge.host);
      addNode(edge.to, 'workload', edge.to);
      addEdge(source.id, hostId, `:${String(edge.port)}`);
      addEdge(hostId, edge.to, edge.subset ?? '');
    }
  }
  const sortedNodes = [...nodes.values()].sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareText(a.id, b.id),
  );
  const sortedEdges = [...edges.values()].sort(
    (a, b) =>
      compareText(a.from, b.from) || compareText(a.to, b.to) || compareText(a.label, b.label),
  );
  return { nodes: sortedNodes, edges: sortedEdges };
}
