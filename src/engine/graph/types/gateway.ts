import type { ResourceKey } from '../../model/resource.js';
import type { Labels } from '../util/labels.js';
import type { PortProtocol } from './service.js';

/** A server host `[ns/]dnsName`; `namespace` is `*` or a namespace name (R4). */
export interface GatewayServerHost {
  readonly namespace: string;
  readonly host: string;
}

export interface GatewayServer {
  /** Index in `spec.servers`. */
  readonly index: number;
  readonly port: number;
  readonly portName: string | null;
  readonly protocol: PortProtocol;
  readonly hosts: readonly GatewayServerHost[];
  /** `tls.mode` (SIMPLE, MUTUAL, ISTIO_MUTUAL, PASSTHROUGH, AUTO_PASSTHROUGH…) or null. */
  readonly tlsMode: string | null;
  readonly credentialName: string | null;
}

export interface GatewayInfo {
  readonly key: ResourceKey;
  /** `ns/name`, the form VirtualServices bind to (R2). */
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  /** Null when the Gateway has no selector (applies to every gateway proxy). */
  readonly selector: Labels | null;
  readonly servers: readonly GatewayServer[];
  /** Gateway proxy workload ids serving this Gateway, sorted. */
  readonly proxies: readonly string[];
  readonly createdAt: string | null;
  readonly notes: readonly string[];
}
