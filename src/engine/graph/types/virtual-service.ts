import type { JsonObject } from '../../model/json.js';
import type { ResourceKey } from '../../model/resource.js';
import type { ExportTo } from '../hosts/export-to.js';
import type { Labels } from '../util/labels.js';

/** One `match` entry: the object as written (after delegate merge) plus the fields routing reads. */
export interface RouteMatch {
  readonly raw: JsonObject;
  /** `gateways`, resolved to `ns/name` or `mesh` (R2). Empty = not narrowed. */
  readonly gateways: readonly string[];
  readonly sourceLabels: Labels | null;
  readonly sourceNamespace: string | null;
  readonly port: number | null;
}

/** A `destination` (or mirror) with its host expanded (R2). */
export interface RouteDestination {
  readonly host: string;
  readonly subset: string | null;
  readonly port: number | null;
  /** `weight` as written; null when omitted. */
  readonly weight: number | null;
}

interface RouteRuleBase {
  /** `<vs-ns>/<vs-name>#http[i]`, with `>http[j]` for a rule coming from a delegate. */
  readonly ref: string;
  /** `http[i]`, `http[i]>http[j]`, `tcp[i]`, `tls[i]`. */
  readonly rule: string;
  /** The root VirtualService `ns/name`. */
  readonly virtualService: string;
  readonly matches: readonly RouteMatch[];
  readonly destinations: readonly RouteDestination[];
  /** The rule as written (delegate merge applied, R6): rewrite, redirect, fault… are read here. */
  readonly spec: JsonObject;
}

export interface HttpRouteRule extends RouteRuleBase {
  readonly name: string | null;
  readonly delegate: { readonly namespace: string; readonly name: string } | null;
  /** `mirror` and `mirrors[].destination`, expanded. */
  readonly mirrors: readonly RouteDestination[];
}

export type TcpRouteRule = RouteRuleBase;
export type TlsRouteRule = RouteRuleBase;

export interface VirtualServiceInfo {
  readonly key: ResourceKey;
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  /** Expanded with the VS namespace (R2), lower-case. Empty for a delegate. */
  readonly hosts: readonly string[];
  /** Resolved (R2); `['mesh']` when the VS lists none (R4). */
  readonly gateways: readonly string[];
  readonly exportTo: ExportTo;
  readonly http: readonly HttpRouteRule[];
  readonly tcp: readonly TcpRouteRule[];
  readonly tls: readonly TlsRouteRule[];
  /** No `hosts`: only usable through a root's `delegate` (R6). */
  readonly isDelegate: boolean;
  readonly createdAt: string | null;
  readonly notes: readonly string[];
}
