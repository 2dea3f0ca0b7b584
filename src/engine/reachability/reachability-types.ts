/** `sidecar`: an in-mesh workload; `plain`: a workload without sidecar; `external`: the outside world via a Gateway. */
export type SourceKind = 'sidecar' | 'plain' | 'external';

/** One way a source reaches a workload (the first found, in host/port/route order). */
export interface ReachEdge {
  /** Target workload id `<ns>/<name>`. */
  readonly to: string;
  readonly host: string;
  readonly port: number;
  /** Route ref (`ns/vs#http[0]`), `default` (no VirtualService), `kube-proxy` or `passthrough`. */
  readonly route: string;
  readonly subset: string | null;
}

/** A target list shared by every source that reaches exactly the same workloads the same way. */
export interface EdgeList {
  /** Stable digest of the content: equal keys across graphs mean equal lists. */
  readonly key: string;
  /** One edge per target workload, sorted by `to`. */
  readonly edges: readonly ReachEdge[];
}

export interface ReachSource {
  /** A workload id, or `external:<gateway-ns>/<gateway-name>`. */
  readonly id: string;
  readonly kind: SourceKind;
  readonly namespace: string;
  /** May contain the source itself; use `edgesFrom` to get edges without self-loops. */
  readonly edges: EdgeList;
}

/** SEMANTICS §0 "Exposures": a (Gateway, host, port) a Gateway serves and a bound VirtualService routes. */
export interface Exposure {
  readonly gateway: string;
  readonly host: string;
  readonly port: number;
  readonly protocol: string;
}

export interface Reachability {
  /** Sorted by id. */
  readonly sources: readonly ReachSource[];
  readonly sourcesById: ReadonlyMap<string, ReachSource>;
  /** Workloads some source other than themselves reaches, sorted. */
  readonly reachable: readonly string[];
  /** Every other workload of the graph, sorted. */
  readonly unreachable: readonly string[];
  /** Sorted by gateway, host, port. */
  readonly exposures: readonly Exposure[];
  /** Assumptions the result depends on (graph notes included). */
  readonly notes: readonly string[];
  /** How many source groups were evaluated (sources that see the same config share one). */
  readonly groupCount: number;
}
