import { type SidecarView, sidecarView } from '../graph/routing/sidecar-view.js';
import type { GatewayInfo } from '../graph/types/gateway.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import type { WorkloadInfo } from '../graph/types/workload.js';
import type { Labels } from '../graph/util/labels.js';
import { spiffeIdentity } from '../graph/workloads/classify-workloads.js';
import { err, ok, type Result } from '../model/result.js';
import type { SimulateError } from './simulate-types.js';

interface ProxyBase {
  /** The source as given (`default/productpage-v1`, `external:default/gw`, `mesh:default`). */
  readonly id: string;
  /** The proxy whose configuration is evaluated. */
  readonly proxyId: string;
  readonly namespace: string;
  readonly labels: Labels;
  /** SPIFFE id presented over Istio mTLS; null for plain clients. */
  readonly identity: string | null;
  readonly notes: readonly string[];
}

/** The client side of a simulation, resolved against the graph. */
export type SimulationProxy =
  | (ProxyBase & {
      readonly kind: 'sidecar';
      readonly workload: WorkloadInfo | null;
      readonly view: SidecarView;
    })
  | (ProxyBase & {
      readonly kind: 'gateway';
      readonly workload: WorkloadInfo;
      readonly gateway: GatewayInfo;
    })
  | (ProxyBase & { readonly kind: 'plain'; readonly workload: WorkloadInfo });

export type SourceSpec =
  | { readonly kind: 'workload'; readonly id: string }
  | { readonly kind: 'external'; readonly gateway: string }
  | { readonly kind: 'mesh'; readonly namespace: string };

const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

function isNamespacedName(value: string): boolean {
  const parts = value.split('/');
  return parts.length === 2 && parts.every((p) => NAME.test(p));
}

/** Parses `<ns>/<workload>`, `external:<ns>/<gateway>` or `mesh:<ns>` (contracts/simulate.md). */
export function parseSimulateSource(from: string): Result<SourceSpec, SimulateError> {
  const invalid = err<SimulateError>({
    code: 'INVALID_SOURCE',
    message: `invalid source "${from}": expected <namespace>/<workload>, external:<namespace>/<gateway> or mesh:<namespace>`,
  });
  if (from.startsWith('external:')) {
    const gateway = from.slice('external:'.length);
    return isNamespacedName(gateway) ? ok({ kind: 'external', gateway }) : invalid;
  }
  if (from.startsWith('mesh:')) {
    const namespace = from.slice('mesh:'.length);
    return NAME.test(namespace) ? ok({ kind: 'mesh', namespace }) : invalid;
  }
  return isNamespacedName(from) ? ok({ kind: 'workload', id: from }) : invalid;
}

function withLabels(base: Labels, extra: Labels | undefined): Labels {
  return extra === undefined ? base : { ...base, ...extra };
}

function gatewayProxy(graph: MeshGraph, id: string): Result<SimulationProxy, SimulateError> {
  const gateway = graph.gatewaysById.get(id);
  if (gateway === undefined) {
    return err({ code: 'UNKNOWN_GATEWAY', message: `Gateway ${id} is not in the snapshot` });
  }
  // The first proxy (sorted by id) stands for all: they are selected by the same Gateway.
  const workload = gateway.proxies
    .map((p) => graph.workloadsById.get(p))
    .find((w) => w !== undefined);
  if (workload === undefined) {
    return err({
      code: 'NO_GATEWAY_PROXY',
      message: `no gateway proxy serves Gateway ${id} (its selector matches no workload)`,
    });
  }
  const notes = [...(workload.isAssumed ? workload.notes : [])];
  if (gateway.proxies.length > 1) {
    notes.push(
      `${String(gateway.proxies.length)} gateway proxies serve ${id}; evaluated on ${workload.id}`,
    );
  }
  return ok({
    kind: 'gateway',
    id: `external:${id}`,
    proxyId: `${id}@${workload.id}`,
    namespace: gateway.namespace,
    labels: workload.labels,
    identity: workload.identity,
    notes,
    workload,
    gateway,
  });
}

function workloadProxy(
  graph: MeshGraph,
  id: string,
  extra: Labels | undefined,
): Result<SimulationProxy, SimulateError> {
  const workload = graph.workloadsById.get(id);
  if (workload === undefined) {
    return err({ code: 'UNKNOWN_WORKLOAD', message: `workload ${id} is not in the snapshot` });
  }
  if (workload.isGatewayProxy) {
    const served = (graph.gatewaysByProxy.get(id) ?? []).map((g) => `external:${g.id}`);
    return err({
      code: 'GATEWAY_PROXY_SOURCE',
      message: `${id} is a gateway proxy: it never acts as a sidecar client (SEMANTICS §0); simulate ${served.length > 0 ? served.join(' or ') : 'external:<ns>/<gateway>'} instead`,
    });
  }
  const labels = withLabels(workload.labels, extra);
  const common = { id, proxyId: id, namespace: workload.namespace, labels, workload };
  if (!workload.inMesh) {
    const notes = [`${id} has no sidecar (${workload.inMeshReason}): plain client`];
    return ok({ ...common, kind: 'plain', identity: null, notes });
  }
  const scope = graph.sidecars.scopeFor(workload.namespace, labels);
  return ok({
    ...common,
    kind: 'sidecar',
    identity: workload.identity,
    notes: [...workload.notes, ...scope.notes],
    view: sidecarView(graph, scope),
  });
}

function meshProxy(
  graph: MeshGraph,
  namespace: string,
  extra: Labels | undefined,
): SimulationProxy {
  const labels = withLabels({}, extra);
  const scope = graph.sidecars.scopeFor(namespace, extra === undefined ? null : labels);
  return {
    kind: 'sidecar',
    id: `mesh:${namespace}`,
    proxyId: `mesh:${namespace}`,
    namespace,
    labels,
    identity: spiffeIdentity(graph.meshConfig.trustDomain, namespace, 'default'),
    notes: [
      `mesh:${namespace} is an anonymous sidecar client: no labels, service account "default"`,
      ...scope.notes,
    ],
    workload: null,
    view: sidecarView(graph, scope),
  };
}

/** Resolves the source of a simulation: a sidecar, a plain (non-mesh) client, or a gateway proxy. */
export function resolveSimulationProxy(
  graph: MeshGraph,
  from: string,
  sourceLabels?: Labels,
): Result<SimulationProxy, SimulateError> {
  const spec = parseSimulateSource(from);
  if (!spec.ok) {
    return spec;
  }
  switch (spec.value.kind) {
    case 'external':
      return gatewayProxy(graph, spec.value.gateway);
    case 'mesh':
      return ok(meshProxy(graph, spec.value.namespace, sourceLabels));
    case 'workload':
      return workloadProxy(graph, spec.value.id, sourceLabels);
  }
}
