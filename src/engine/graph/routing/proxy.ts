import type { GatewayInfo } from '../types/gateway.js';
import type { MeshGraph } from '../types/mesh-graph.js';
import type { WorkloadInfo } from '../types/workload.js';
import type { Labels } from '../util/labels.js';
import type { ProxyContext } from './route-types.js';
import { type SidecarView, sidecarView } from './sidecar-view.js';

/** A proxy context resolved against the graph. */
export type ResolvedProxy =
  | {
      readonly kind: 'sidecar';
      readonly id: string;
      readonly namespace: string;
      readonly labels: Labels;
      readonly workload: WorkloadInfo | null;
      readonly view: SidecarView;
    }
  | {
      readonly kind: 'gateway';
      readonly id: string;
      readonly namespace: string;
      readonly labels: Labels;
      readonly workload: WorkloadInfo;
      readonly gateway: GatewayInfo;
    }
  | {
      readonly kind: 'plain';
      readonly id: string;
      readonly namespace: string;
      readonly labels: Labels;
      readonly workload: WorkloadInfo;
    }
  | { readonly kind: 'invalid'; readonly id: string; readonly reason: string };

function resolveGateway(
  graph: MeshGraph,
  gatewayId: string,
  proxyId: string | undefined,
): ResolvedProxy {
  const gateway = graph.gatewaysById.get(gatewayId);
  if (gateway === undefined) {
    return {
      kind: 'invalid',
      id: gatewayId,
      reason: `Gateway ${gatewayId} is not in the snapshot`,
    };
  }
  const chosen = proxyId ?? gateway.proxies[0];
  const workload = chosen === undefined ? undefined : graph.workloadsById.get(chosen);
  if (workload === undefined || !gateway.proxies.includes(workload.id)) {
    return {
      kind: 'invalid',
      id: gatewayId,
      reason: `no gateway proxy serves Gateway ${gatewayId}${proxyId === undefined ? '' : ` on ${proxyId}`}`,
    };
  }
  return {
    kind: 'gateway',
    id: `${gateway.id}@${workload.id}`,
    namespace: workload.namespace,
    labels: workload.labels,
    workload,
    gateway,
  };
}

/** Resolves `sidecar` / `anonymous` / `gateway` contexts; non-mesh workloads are plain clients. */
export function resolveProxy(graph: MeshGraph, context: ProxyContext): ResolvedProxy {
  switch (context.kind) {
    case 'gateway':
      return resolveGateway(graph, context.gateway, context.proxy);
    case 'anonymous': {
      const scope = graph.sidecars.scopeFor(context.namespace, null);
      return {
        kind: 'sidecar',
        id: `mesh:${context.namespace}`,
        namespace: context.namespace,
        labels: {},
        workload: null,
        view: sidecarView(graph, scope),
      };
    }
    case 'sidecar': {
      const workload = graph.workloadsById.get(context.workload);
      if (workload === undefined) {
        return {
          kind: 'invalid',
          id: context.workload,
          reason: `workload ${context.workload} is not in the snapshot`,
        };
      }
      if (workload.isGatewayProxy) {
        return {
          kind: 'invalid',
          id: workload.id,
          reason: `${workload.id} is a gateway proxy: it never acts as a sidecar client`,
        };
      }
      if (!workload.inMesh) {
        return {
          kind: 'plain',
          id: workload.id,
          namespace: workload.namespace,
          labels: workload.labels,
          workload,
        };
      }
      const scope = graph.sidecars.scopeFor(workload.namespace, workload.labels);
      return {
        kind: 'sidecar',
        id: workload.id,
        namespace: workload.namespace,
        labels: workload.labels,
        workload,
        view: sidecarView(graph, scope),
      };
    }
  }
}
