import type { ResolvedGraphOptions } from '../options.js';
import type { WorkloadInfo, WorkloadSource } from '../types/workload.js';
import type { Labels } from '../util/labels.js';
import type { NamespaceInfo } from './namespaces.js';

const INJECT = 'sidecar.istio.io/inject';

interface Membership {
  readonly inMesh: boolean;
  readonly reason: string;
  readonly assumed: boolean;
}

function podInjection(workload: WorkloadSource): string | undefined {
  return workload.labels[INJECT] ?? workload.annotations[INJECT];
}

/**
 * SEMANTICS §0 "In mesh": the pod label/annotation `sidecar.istio.io/inject` decides; else the
 * namespace (`istio-injection=enabled` or `istio.io/rev`, unless `istio-injection=disabled`);
 * a namespace absent from the snapshot follows `assumeNamespacesInMesh`.
 */
export function decideMembership(
  workload: WorkloadSource,
  namespace: NamespaceInfo | undefined,
  options: ResolvedGraphOptions,
): Membership {
  if (workload.kind === 'WorkloadEntry') {
    return {
      inMesh: true,
      reason: 'WorkloadEntry (VM or external workload with a proxy)',
      assumed: false,
    };
  }
  const flag = podInjection(workload);
  if (flag === 'true' || flag === 'false') {
    return { inMesh: flag === 'true', reason: `pod template ${INJECT}=${flag}`, assumed: false };
  }
  if (namespace?.isPresent !== true) {
    const inMesh = options.assumeNamespacesInMesh;
    const reason = `namespace ${workload.namespace} is not in the snapshot: assumed ${inMesh ? 'in' : 'out of'} the mesh`;
    return { inMesh, reason, assumed: true };
  }
  switch (namespace.injection) {
    case 'enabled':
      return { inMesh: true, reason: 'namespace label istio-injection=enabled', assumed: false };
    case 'revision':
      return { inMesh: true, reason: 'namespace label istio.io/rev', assumed: false };
    case 'disabled':
      return { inMesh: false, reason: 'namespace label istio-injection=disabled', assumed: false };
    case 'none':
      return {
        inMesh: false,
        reason: 'no injection label on the pod or namespace',
        assumed: false,
      };
  }
}

/**
 * Gateway proxies: the gateway injection template, `istio=ingressgateway|egressgateway`, or
 * selected by a Gateway (SEMANTICS §0 "Gateway proxies").
 */
export function isGatewayProxyByLabels(labels: Labels, annotations: Labels): boolean {
  const templates = annotations['inject.istio.io/templates'] ?? '';
  if (templates.split(',').some((t) => t.trim() === 'gateway')) {
    return true;
  }
  const role = labels['istio'];
  return role === 'ingressgateway' || role === 'egressgateway';
}

export function spiffeIdentity(
  trustDomain: string,
  namespace: string,
  serviceAccount: string,
): string {
  return `spiffe://${trustDomain}/ns/${namespace}/sa/${serviceAccount}`;
}

export function classifyWorkload(
  workload: WorkloadSource,
  context: {
    readonly namespaces: ReadonlyMap<string, NamespaceInfo>;
    readonly options: ResolvedGraphOptions;
    readonly trustDomain: string;
    readonly selectedByGateway: ReadonlySet<string>;
  },
): WorkloadInfo {
  const gateway =
    isGatewayProxyByLabels(workload.labels, workload.annotations) ||
    context.selectedByGateway.has(workload.id);
  const membership = gateway
    ? { inMesh: true, reason: 'gateway proxy', assumed: false }
    : decideMembership(workload, context.namespaces.get(workload.namespace), context.options);
  return {
    ...workload,
    identity: spiffeIdentity(context.trustDomain, workload.namespace, workload.serviceAccount),
    inMesh: membership.inMesh,
    inMeshReason: membership.reason,
    inMeshAssumed: membership.assumed,
    isGatewayProxy: gateway,
    isAssumed: false,
    notes: membership.assumed ? [membership.reason] : [],
  };
}
