import type { ResourceKey } from '../../model/resource.js';
import type { OutboundTrafficMode } from '../mesh-config/mesh-config.js';
import type { Labels } from '../util/labels.js';

/** One egress `hosts` entry `[~]ns/dnsName` (R8); `namespace` is `*`, `.`, `~` (any) or a name. */
export interface EgressImport {
  readonly namespace: string;
  readonly host: string;
  readonly isExclusion: boolean;
  /** The egress listener's port, when it has one. */
  readonly port: number | null;
}

export interface SidecarInfo {
  readonly key: ResourceKey;
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly selector: Labels | null;
  /** Empty when the Sidecar has no egress section (everything exported stays visible). */
  readonly egress: readonly EgressImport[];
  readonly hasEgress: boolean;
  readonly outboundTrafficPolicy: OutboundTrafficMode | null;
  readonly createdAt: string | null;
  /** Malformed egress hosts that were ignored. */
  readonly ignoredHosts: readonly string[];
}

/** What one proxy sees (R8): the applicable Sidecar, its imports with `.` resolved, its mode. */
export interface SidecarScope {
  /** `<workload ns>|<sidecar ns/name or *>`: proxies with the same key see the same config. */
  readonly key: string;
  readonly namespace: string;
  readonly sidecar: SidecarInfo | null;
  readonly imports: readonly EgressImport[] | null;
  readonly outboundTrafficPolicy: OutboundTrafficMode;
  readonly notes: readonly string[];
}
