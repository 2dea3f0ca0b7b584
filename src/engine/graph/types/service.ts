import type { ResourceKey } from '../../model/resource.js';
import type { ExportTo } from '../hosts/export-to.js';
import type { Labels } from '../util/labels.js';

export type PortProtocol =
  | 'HTTP'
  | 'HTTP2'
  | 'GRPC'
  | 'GRPC-WEB'
  | 'HTTPS'
  | 'TLS'
  | 'TCP'
  | 'MONGO'
  | 'MYSQL'
  | 'REDIS'
  | 'UDP'
  | 'UNKNOWN';

/** How a proxy treats a port: HTTP routes, TLS (SNI) routes, TCP routes, or sniffing (both). */
export type TrafficClass = 'http' | 'tls' | 'tcp' | 'auto' | 'udp';

export interface ServicePort {
  readonly number: number;
  readonly name: string | null;
  readonly protocol: PortProtocol;
  readonly traffic: TrafficClass;
  /** Kubernetes `targetPort` (number or container port name) / ServiceEntry `targetPort`. */
  readonly targetPort: number | string | null;
}

/** One registry entry: a Kubernetes Service, or one host of a ServiceEntry. */
export interface ServiceInfo {
  /** `Service:<ns>/<name>` or `ServiceEntry:<ns>/<name>:<host>`. */
  readonly uid: string;
  readonly key: ResourceKey;
  readonly kind: 'Service' | 'ServiceEntry';
  readonly namespace: string;
  readonly name: string;
  /** Fully qualified, lower-case (may be a wildcard for ServiceEntries). */
  readonly hostname: string;
  readonly ports: readonly ServicePort[];
  /** Kubernetes selector / ServiceEntry workloadSelector; null when none (no selected endpoints). */
  readonly selector: Labels | null;
  readonly exportTo: ExportTo;
  readonly addresses: readonly string[];
  /** ServiceEntry resolution (NONE, STATIC, DNS, DNS_ROUND_ROBIN); null for Kubernetes. */
  readonly resolution: string | null;
  readonly location: 'MESH_INTERNAL' | 'MESH_EXTERNAL' | null;
  /** Inline ServiceEntry endpoints (addresses outside the workload list). */
  readonly externalEndpoints: readonly string[];
  /** Kubernetes `spec.type` (ClusterIP, NodePort, LoadBalancer, ExternalName). */
  readonly serviceType: string | null;
  readonly isAssumed: boolean;
}
