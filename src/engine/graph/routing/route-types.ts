import type { JsonObject, JsonValue } from '../../model/json.js';
import type { ServiceInfo, TrafficClass } from '../types/service.js';
import type { RouteMatch } from '../types/virtual-service.js';

/**
 * Whose configuration is asked for:
 * - `sidecar`: the sidecar of an in-mesh workload (`ns/name`);
 * - `anonymous`: a sidecar in `namespace` without labels (`mesh:<ns>` in the CLI);
 * - `gateway`: traffic arriving at a Gateway (`ns/name`) on one of its proxies (default: the first).
 */
export type ProxyContext =
  | { readonly kind: 'sidecar'; readonly workload: string }
  | { readonly kind: 'anonymous'; readonly namespace: string }
  | { readonly kind: 'gateway'; readonly gateway: string; readonly proxy?: string };

/** A destination as programmed: host expanded (R2), port resolved and weight in percent (R11). */
export interface EffectiveDestination {
  readonly host: string;
  readonly subset: string | null;
  /** R11: explicit port, else the service's only port, else the request port; null when unknown. */
  readonly port: number | null;
  /** Share of the route's traffic in percent (R11); 0 for a dropped weight-0 destination. */
  readonly weight: number;
  /** `weight` as written. */
  readonly writtenWeight: number | null;
  /** The registry entry this proxy resolves the host to, or null (no such service). */
  readonly service: ServiceInfo | null;
}

export interface EffectiveHttpRoute {
  /** `<vs-ns>/<vs-name>#http[i]` (`>http[j]` for delegate rules); `default` for default routing. */
  readonly ref: string;
  readonly rule: string;
  readonly virtualService: string | null;
  readonly delegate: { readonly namespace: string; readonly name: string } | null;
  readonly name: string | null;
  /** The matches that apply to this proxy and port; empty = every request. */
  readonly matches: readonly RouteMatch[];
  readonly isCatchAll: boolean;
  readonly destinations: readonly EffectiveDestination[];
  readonly mirrors: readonly EffectiveDestination[];
  /** Route fields exactly as written in the VirtualService (after delegate merge, R6). */
  readonly rewrite: JsonValue | null;
  readonly redirect: JsonValue | null;
  readonly directResponse: JsonValue | null;
  readonly fault: JsonValue | null;
  readonly retries: JsonValue | null;
  readonly timeout: JsonValue | null;
  readonly headers: JsonValue | null;
  readonly corsPolicy: JsonValue | null;
  readonly spec: JsonObject;
}

export interface EffectiveStreamRoute {
  readonly ref: string;
  readonly rule: string;
  readonly virtualService: string | null;
  readonly matches: readonly RouteMatch[];
  readonly destinations: readonly EffectiveDestination[];
}

/**
 * - `routed`: VirtualService routes apply; `default`: no VirtualService, all endpoints of the service;
 * - `passthrough` / `blackhole`: the host is not in this proxy's registry (ALLOW_ANY / REGISTRY_ONLY);
 * - `no-route`: a gateway has no virtual host for it (404), or no proxy serves the gateway.
 */
export type RouteStatus = 'routed' | 'default' | 'passthrough' | 'blackhole' | 'no-route';

/** What a proxy does with a host:port (the route configuration istiod would program). */
export interface RouteTable {
  readonly host: string;
  readonly port: number;
  readonly status: RouteStatus;
  /** The proxy context, e.g. `default/productpage-v1`, `mesh:default`, `default/gw@istio-system/ingress`. */
  readonly proxy: string;
  readonly traffic: TrafficClass;
  /** Registry entry behind the host for this proxy (null for gateways' wildcard hosts). */
  readonly service: ServiceInfo | null;
  /** The virtual host domain that matched (gateways: the narrower of server and VS host). */
  readonly virtualHost: string | null;
  /** `ns/name` of the VirtualServices whose rules are in the lists, in order. */
  readonly virtualServices: readonly string[];
  readonly http: readonly EffectiveHttpRoute[];
  readonly tcp: readonly EffectiveStreamRoute[];
  readonly tls: readonly EffectiveStreamRoute[];
  readonly notes: readonly string[];
  /**
   * `passthrough` / `blackhole` on a sidecar: why the host:port is not in its registry (unknown
   * host, not exported to its namespace, not imported by its Sidecar, or no such port).
   */
  readonly registryMiss?: string;
}
