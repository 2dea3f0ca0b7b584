import type { ResourceKey } from '../../model/resource.js';
import type { Labels } from '../util/labels.js';

export type WorkloadKind =
  | 'Deployment'
  | 'StatefulSet'
  | 'DaemonSet'
  | 'ReplicaSet'
  | 'Job'
  | 'CronJob'
  | 'Pod'
  | 'WorkloadEntry';

export interface ContainerPort {
  readonly number: number;
  readonly name: string | null;
}

/** What the pod template (or WorkloadEntry) says, before mesh membership is decided. */
export interface WorkloadSource {
  readonly id: string;
  readonly key: ResourceKey;
  readonly kind: WorkloadKind;
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  readonly annotations: Labels;
  readonly serviceAccount: string;
  readonly ports: readonly ContainerPort[];
  /** WorkloadEntry address; null for pods. */
  readonly address: string | null;
}

/** A workload of the snapshot (SEMANTICS §0 "Workloads"). */
export interface WorkloadInfo extends WorkloadSource {
  /** `spiffe://<trust domain>/ns/<ns>/sa/<service account>`. */
  readonly identity: string;
  /** Has an Istio proxy (sidecar, or the proxy of a gateway). */
  readonly inMesh: boolean;
  /** Why `inMesh` is what it is, e.g. `namespace label istio-injection=enabled`. */
  readonly inMeshReason: string;
  /** True when `inMesh` rests on an assumption (namespace absent from the snapshot). */
  readonly inMeshAssumed: boolean;
  readonly isGatewayProxy: boolean;
  /** True for the modelled default ingress gateway, absent from the snapshot. */
  readonly isAssumed: boolean;
  readonly notes: readonly string[];
}
