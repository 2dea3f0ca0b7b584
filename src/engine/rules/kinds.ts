/**
 * The kinds rules read, by the name a rule declares in `inputs`. Istio kinds are matched on their
 * API group only, so every served version (`v1`, `v1beta1`, `v1alpha3`) is the same kind
 * (SEMANTICS §0). `Workload` stands for every kind a workload is derived from (pod templates,
 * bare Pods, WorkloadEntries) and `MeshConfig` for the `istio` ConfigMap of the root namespace.
 */
export const KINDS = {
  AuthorizationPolicy: { group: 'security.istio.io', kind: 'AuthorizationPolicy' },
  ConfigMap: { group: '', kind: 'ConfigMap' },
  CronJob: { group: 'batch', kind: 'CronJob' },
  CustomResourceDefinition: { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition' },
  DaemonSet: { group: 'apps', kind: 'DaemonSet' },
  Deployment: { group: 'apps', kind: 'Deployment' },
  DestinationRule: { group: 'networking.istio.io', kind: 'DestinationRule' },
  EnvoyFilter: { group: 'networking.istio.io', kind: 'EnvoyFilter' },
  Gateway: { group: 'networking.istio.io', kind: 'Gateway' },
  Job: { group: 'batch', kind: 'Job' },
  KubernetesGateway: { group: 'gateway.networking.k8s.io', kind: 'Gateway' },
  MutatingWebhookConfiguration: {
    group: 'admissionregistration.k8s.io',
    kind: 'MutatingWebhookConfiguration',
  },
  Namespace: { group: '', kind: 'Namespace' },
  PeerAuthentication: { group: 'security.istio.io', kind: 'PeerAuthentication' },
  Pod: { group: '', kind: 'Pod' },
  ReplicaSet: { group: 'apps', kind: 'ReplicaSet' },
  RequestAuthentication: { group: 'security.istio.io', kind: 'RequestAuthentication' },
  Service: { group: '', kind: 'Service' },
  ServiceAccount: { group: '', kind: 'ServiceAccount' },
  ServiceEntry: { group: 'networking.istio.io', kind: 'ServiceEntry' },
  Sidecar: { group: 'networking.istio.io', kind: 'Sidecar' },
  StatefulSet: { group: 'apps', kind: 'StatefulSet' },
  Telemetry: { group: 'telemetry.istio.io', kind: 'Telemetry' },
  ValidatingWebhookConfiguration: {
    group: 'admissionregistration.k8s.io',
    kind: 'ValidatingWebhookConfiguration',
  },
  VirtualService: { group: 'networking.istio.io', kind: 'VirtualService' },
  WorkloadEntry: { group: 'networking.istio.io', kind: 'WorkloadEntry' },
} as const;

export type ConcreteKindName = keyof typeof KINDS;

/** Declared inputs: a concrete kind, or one of the two aliases explained above. */
export type KindName = ConcreteKindName | 'Workload' | 'MeshConfig';

/** Kinds behind the `Workload` alias (SEMANTICS §0 "Workloads"). */
export const WORKLOAD_KINDS: readonly ConcreteKindName[] = [
  'CronJob',
  'DaemonSet',
  'Deployment',
  'Job',
  'Pod',
  'ReplicaSet',
  'StatefulSet',
  'WorkloadEntry',
];

/** Kinds that carry a pod template (or are pods). */
export const POD_TEMPLATE_KINDS: readonly ConcreteKindName[] = WORKLOAD_KINDS.filter(
  (k) => k !== 'WorkloadEntry',
);

export function kindKey(group: string, kind: string): string {
  return `${group}/${kind}`;
}

const BY_KEY = new Map<string, ConcreteKindName>(
  (Object.keys(KINDS) as ConcreteKindName[]).map((name) => [
    kindKey(KINDS[name].group, KINDS[name].kind),
    name,
  ]),
);

/** The declared-kind name of a resource key, or null when no rule reads that kind. */
export function kindNameOf(group: string, kind: string): ConcreteKindName | null {
  return BY_KEY.get(kindKey(group, kind)) ?? null;
}

/** True when a rule declaring `declared` may read `read`. */
export function isDeclared(declared: readonly KindName[], read: KindName): boolean {
  if (declared.includes(read)) {
    return true;
  }
  if (declared.includes('Workload') && (WORKLOAD_KINDS as readonly KindName[]).includes(read)) {
    return true;
  }
  return read === 'ConfigMap' && declared.includes('MeshConfig');
}
