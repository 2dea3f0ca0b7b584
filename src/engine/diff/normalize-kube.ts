import type { JsonObject } from '../model/json.js';
import { dropDefault, objectsAt } from './json-navigation.js';

/**
 * Kubernetes API defaults that are semantically identical to leaving the field out
 * (k8s.io/kubernetes pkg/apis/core/v1/defaults.go, pkg/apis/apps/v1/defaults.go). Defaults that
 * depend on other objects or on the cluster (clusterIP, ipFamilyPolicy, imagePullPolicy for
 * `:latest`) are not touched.
 */

/** `type: ClusterIP`, `sessionAffinity: None`, `internalTrafficPolicy: Cluster`, port `protocol: TCP`, `targetPort` = `port`. */
export function normalizeService(spec: JsonObject): void {
  dropDefault(spec, 'type', 'ClusterIP');
  dropDefault(spec, 'sessionAffinity', 'None');
  dropDefault(spec, 'internalTrafficPolicy', 'Cluster');
  for (const port of objectsAt(spec, ['ports', '[]'])) {
    dropDefault(port, 'protocol', 'TCP');
    const number = port['port'];
    if (typeof number === 'number') {
      dropDefault(port, 'targetPort', number);
    }
  }
}

const POD_TEMPLATE_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: [],
  Deployment: ['template', 'spec'],
  StatefulSet: ['template', 'spec'],
  DaemonSet: ['template', 'spec'],
  ReplicaSet: ['template', 'spec'],
  ReplicationController: ['template', 'spec'],
  Job: ['template', 'spec'],
  CronJob: ['jobTemplate', 'spec', 'template', 'spec'],
};

/** Controllers whose `replicas` defaults to 1 (apps/v1 and core/v1 defaults). */
const REPLICATED = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

export function isPodCarrier(kind: string): boolean {
  return Object.hasOwn(POD_TEMPLATE_PATHS, kind);
}

/**
 * `replicas: 1` on a controller and container port `protocol: TCP`. (With an HPA managing
 * replicas, the declared value is moot either way.)
 */
export function normalizePodCarrier(kind: string, spec: JsonObject): void {
  if (REPLICATED.has(kind)) {
    dropDefault(spec, 'replicas', 1);
  }
  const podPath = POD_TEMPLATE_PATHS[kind] ?? [];
  for (const list of ['containers', 'initContainers']) {
    for (const port of objectsAt(spec, [...podPath, list, '[]', 'ports', '[]'])) {
      dropDefault(port, 'protocol', 'TCP');
    }
  }
}
