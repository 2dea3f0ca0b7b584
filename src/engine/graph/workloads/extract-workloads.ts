import type { JsonObject } from '../../model/json.js';
import type { Resource } from '../../model/resource.js';
import type { ContainerPort, WorkloadKind, WorkloadSource } from '../types/workload.js';
import {
  arrayAt,
  numberAt,
  objectAt,
  objectsAt,
  pathObject,
  stringAt,
  stringMapAt,
} from '../util/json.js';

const CONTROLLERS: Readonly<Record<string, WorkloadKind>> = {
  'apps/Deployment': 'Deployment',
  'apps/StatefulSet': 'StatefulSet',
  'apps/DaemonSet': 'DaemonSet',
  'apps/ReplicaSet': 'ReplicaSet',
  'batch/Job': 'Job',
  'batch/CronJob': 'CronJob',
  '/Pod': 'Pod',
  'networking.istio.io/WorkloadEntry': 'WorkloadEntry',
};

/** These kinds are usually created by a controller that is modelled instead. */
const OWNED_SKIPPED: ReadonlySet<WorkloadKind> = new Set<WorkloadKind>([
  'ReplicaSet',
  'Job',
  'Pod',
]);

function hasOwner(body: JsonObject): boolean {
  return arrayAt(objectAt(body, 'metadata'), 'ownerReferences').length > 0;
}

function podTemplate(kind: WorkloadKind, body: JsonObject): JsonObject | null {
  switch (kind) {
    case 'Pod':
      return body;
    case 'CronJob':
      return pathObject(body, 'spec', 'jobTemplate', 'spec', 'template');
    case 'WorkloadEntry':
      return null;
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job':
      return pathObject(body, 'spec', 'template');
  }
}

function containerPorts(podSpec: JsonObject | null): ContainerPort[] {
  const ports: ContainerPort[] = [];
  for (const container of objectsAt(podSpec, 'containers')) {
    for (const port of objectsAt(container, 'ports')) {
      const number = numberAt(port, 'containerPort');
      if (number !== null) {
        ports.push({ number, name: stringAt(port, 'name') });
      }
    }
  }
  return ports;
}

function fromTemplate(
  resource: Resource,
  kind: WorkloadKind,
  template: JsonObject | null,
): WorkloadSource {
  const metadata = objectAt(template, 'metadata');
  const podSpec = objectAt(template, 'spec');
  const { namespace, name } = resource.key;
  return {
    id: `${namespace}/${name}`,
    key: resource.key,
    kind,
    namespace,
    name,
    labels: stringMapAt(metadata, 'labels'),
    annotations: stringMapAt(metadata, 'annotations'),
    serviceAccount:
      stringAt(podSpec, 'serviceAccountName') ?? stringAt(podSpec, 'serviceAccount') ?? 'default',
    ports: containerPorts(podSpec),
    address: null,
  };
}

function fromWorkloadEntry(resource: Resource): WorkloadSource {
  const spec = objectAt(resource.body, 'spec');
  const ports: ContainerPort[] = Object.entries(stringMapAt(spec, 'ports')).map(
    ([portName, value]) => ({
      number: Number(value),
      name: portName,
    }),
  );
  const { namespace, name } = resource.key;
  return {
    id: `${namespace}/${name}`,
    key: resource.key,
    kind: 'WorkloadEntry',
    namespace,
    name,
    labels: stringMapAt(spec, 'labels'),
    annotations: stringMapAt(objectAt(resource.body, 'metadata'), 'annotations'),
    serviceAccount: stringAt(spec, 'serviceAccount') ?? 'default',
    ports: ports.filter((p) => Number.isFinite(p.number)),
    address: stringAt(spec, 'address'),
  };
}

/**
 * Workloads are derived from controllers' pod templates, bare Pods and WorkloadEntries
 * (SEMANTICS §0 "Workloads"); owned ReplicaSets/Jobs/Pods are represented by their controller.
 * When two controllers share `<ns>/<name>`, the first one in input order wins (reported).
 */
export function extractWorkloads(resources: readonly Resource[]): {
  workloads: WorkloadSource[];
  duplicates: string[];
} {
  const byId = new Map<string, WorkloadSource>();
  const duplicates: string[] = [];
  for (const resource of resources) {
    const kind = CONTROLLERS[`${resource.key.group}/${resource.key.kind}`];
    if (kind === undefined || (OWNED_SKIPPED.has(kind) && hasOwner(resource.body))) {
      continue;
    }
    const workload =
      kind === 'WorkloadEntry'
        ? fromWorkloadEntry(resource)
        : fromTemplate(resource, kind, podTemplate(kind, resource.body));
    const existing = byId.get(workload.id);
    if (existing === undefined) {
      byId.set(workload.id, workload);
    } else {
      duplicates.push(
        `${workload.kind} ${workload.id} shares its id with ${existing.kind} ${existing.id}; the ${existing.kind} is used`,
      );
    }
  }
  return { workloads: [...byId.values()], duplicates };
}
