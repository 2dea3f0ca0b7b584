import type { ImpactReport } from '../impact/impact-report.js';
import { addReachabilityPaths } from './reachability-paths.js';
import { addRoutingPaths } from './routing-paths.js';

export type PathStatus = 'lost' | 'gained' | 'changed' | 'unchanged';
export type TrafficNodeKind = 'gateway' | 'host' | 'route' | 'destination' | 'workload';

export interface TrafficNode {
  readonly key: string;
  readonly kind: TrafficNodeKind;
  readonly label: string;
  readonly status: PathStatus;
}

export interface TrafficEdge {
  readonly from: string;
  readonly to: string;
  readonly status: PathStatus;
  readonly label: string;
  /** Drawn dotted: not stated by the report but inferred (workload-links.ts). */
  readonly inferred: boolean;
}

/** Affected traffic paths, keyed by stable strings; mermaid ids are assigned later. */
export interface TrafficGraph {
  readonly nodes: ReadonlyMap<string, TrafficNode>;
  readonly edges: readonly TrafficEdge[];
}

/** Two facts about one node or link: agreeing keeps the status, disagreeing makes it "changed". */
function mergeStatus(a: PathStatus, b: PathStatus): PathStatus {
  if (a === b || b === 'unchanged') {
    return a;
  }
  return a === 'unchanged' ? b : 'changed';
}

/** Collects nodes and links once each, merging what several report entries say about them. */
export class GraphBuilder {
  private readonly nodes = new Map<string, TrafficNode>();
  private readonly edges = new Map<string, TrafficEdge>();

  node(
    key: string,
    kind: TrafficNodeKind,
    label: string,
    status: PathStatus = 'unchanged',
  ): string {
    const existing = this.nodes.get(key);
    const merged = existing === undefined ? status : mergeStatus(existing.status, status);
    this.nodes.set(key, { key, kind, label, status: merged });
    return key;
  }

  edge(from: string, to: string, status: PathStatus, label = '', inferred = false): void {
    const id = `${from}\n${to}`;
    const existing = this.edges.get(id);
    this.edges.set(id, {
      from,
      to,
      status: existing === undefined ? status : mergeStatus(existing.status, status),
      label: existing === undefined || existing.label === '' ? label : existing.label,
      inferred: (existing?.inferred ?? true) && inferred,
    });
  }

  build(): TrafficGraph {
    return { nodes: this.nodes, edges: [...this.edges.values()] };
  }
}

/** gateway → host → route → subset → workload, plus who lost or gained a connection to whom. */
export function buildTrafficGraph(report: ImpactReport): TrafficGraph {
  const builder = new GraphBuilder();
  addRoutingPaths(builder, report);
  addReachabilityPaths(builder, report);
  return builder.build();
}
