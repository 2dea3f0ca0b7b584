import type { CreationRank } from './util/creation-order.js';

/** How a snapshot is interpreted when the snapshot itself does not say (SEMANTICS §0). */
export interface GraphOptions {
  /** Kubernetes cluster domain used by short-name expansion (R2). Default `cluster.local`. */
  readonly clusterDomain?: string;
  /** Overrides the root namespace of the mesh config. Default: mesh config, else `istio-system`. */
  readonly rootNamespace?: string;
  /** Workloads in namespaces without a Namespace object count as in the mesh. Default true. */
  readonly assumeNamespacesInMesh?: boolean;
  /** Model `istio-system/istio-ingressgateway` when no workload has `istio=ingressgateway`. Default true. */
  readonly assumeDefaultIngressGateway?: boolean;
  /** R12 rank: lower = older. Default: none (name, then namespace). */
  readonly creationOrder?: CreationRank;
}

export interface ResolvedGraphOptions {
  readonly clusterDomain: string;
  readonly rootNamespace: string | null;
  readonly assumeNamespacesInMesh: boolean;
  readonly assumeDefaultIngressGateway: boolean;
  readonly creationOrder: CreationRank | undefined;
}

export function resolveGraphOptions(options: GraphOptions = {}): ResolvedGraphOptions {
  return {
    clusterDomain: (options.clusterDomain ?? 'cluster.local').toLowerCase(),
    rootNamespace: options.rootNamespace ?? null,
    assumeNamespacesInMesh: options.assumeNamespacesInMesh ?? true,
    assumeDefaultIngressGateway: options.assumeDefaultIngressGateway ?? true,
    creationOrder: options.creationOrder,
  };
}
