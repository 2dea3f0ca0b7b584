import type { JsonObject, JsonValue } from '../model/json.js';

/**
 * One request to simulate (contracts/simulate.md). Everything but `from` and `host` is optional;
 * {@link normalizeSimulateRequest} fills the defaults.
 */
export interface SimulateRequest {
  /** `<ns>/<workload>`, `external:<ns>/<gateway>` or `mesh:<ns>`. */
  readonly from: string;
  /** Host or `:authority` as sent (`reviews`, `reviews:9080`, `www.example.com`). */
  readonly host: string;
  /** Default: 80 for sidecar and plain clients, the Gateway's first HTTP server port for `external:`. */
  readonly port?: number;
  /** Default `GET`. */
  readonly method?: string;
  /** Path with query; default `/`. */
  readonly path?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Default `http`. */
  readonly scheme?: 'http' | 'https';
  /**
   * Labels added to the client's labels (`match[].sourceLabels`, Sidecar and DestinationRule
   * workload selectors). `mesh:` sources have none otherwise.
   */
  readonly sourceLabels?: Readonly<Record<string, string>>;
}

export type SimulateOutcome =
  | 'route'
  | 'redirect'
  | 'direct-response'
  | 'fault-abort'
  | 'no-route'
  | 'blackhole'
  | 'passthrough'
  | 'denied'
  | 'tls-mismatch';

export type SimulateSourceKind = 'sidecar' | 'gateway' | 'plain';

export interface SimulateSource {
  readonly id: string;
  readonly kind: SimulateSourceKind;
  /** The workload's namespace, the `mesh:` namespace, or the Gateway resource's for `external:`. */
  readonly namespace: string;
  /** Added: the proxy whose configuration was evaluated (gateway `ns/gw@proxy`, workload, `mesh:<ns>`). */
  readonly proxy: string;
  /** Added: SPIFFE identity the client presents over Istio mTLS; null for plain clients. */
  readonly identity: string | null;
}

export interface SimulateMatch {
  /** The root VirtualService `ns/name`. */
  readonly virtualService: string;
  readonly delegate: { readonly name: string; readonly namespace: string } | null;
  /** `mesh` or `<ns>/<gateway>`. */
  readonly gateway: string;
  /** `http[1]`, `http[0]>http[2]` (root > delegate), `tcp[0]`, `tls[0]`. */
  readonly rule: string;
  readonly name: string | null;
  readonly reason: string;
  /** Added: index in the rule's `match` list of the entry that matched; null for a rule without match. */
  readonly matchIndex: number | null;
}

/** Added per destination: what the destination's sidecar(s) do with the request. */
export interface SimulateEndpoint {
  readonly workload: string;
  /** Port the workload receives on (PeerAuthentication `portLevelMtls` key, R9). */
  readonly port: number;
  readonly tls: SimulateTls;
  /** Null when the workload has no sidecar (nothing enforces AuthorizationPolicies) or TLS failed. */
  readonly authorization: SimulateAuthorization | null;
}

export interface SimulateDestination {
  readonly host: string;
  readonly subset: string | null;
  readonly port: number | null;
  /** Percent of the rule's traffic (R11); 0 = dropped. */
  readonly weight: number;
  readonly workloads: readonly string[];
  /** Added: `ns/name` of the DestinationRule(s) applied (R7 lookup and merge), empty when none. */
  readonly destinationRules: readonly string[];
  /** Added: traffic policy the client applies (top-level, port-level, then subset, R7); null when none. */
  readonly trafficPolicy: JsonObject | null;
  /** Added: per workload TLS and authorization (empty when nothing was evaluated). */
  readonly endpoints: readonly SimulateEndpoint[];
}

export interface SimulateMirror {
  readonly host: string;
  readonly subset: string | null;
  readonly port: number | null;
  /** `mirrorPercentage.value` / `mirrors[].percentage.value`; null when unset (100 %). */
  readonly percentage: number | null;
  readonly workloads: readonly string[];
}

export interface SimulateTls {
  /** What the client sends: ISTIO_MUTUAL, DISABLE (plaintext), SIMPLE, MUTUAL. */
  readonly client: string;
  /** Server PeerAuthentication mode (R9); DISABLE for a workload without sidecar. */
  readonly server: string;
  readonly compatible: boolean;
}

export interface SimulateAuthorization {
  readonly allowed: boolean;
  readonly decidedBy: string | null;
}

/** Added: one rule the request was tested against, in evaluation order. */
export interface EvaluatedRule {
  readonly virtualService: string | null;
  readonly rule: string;
  readonly matched: boolean;
  readonly reason: string;
}

/** The route simulation result (contracts/simulate.md, `schemaVersion: 1`). */
export interface SimulateResult {
  readonly schemaVersion: 1;
  readonly request: {
    readonly host: string;
    readonly port: number;
    readonly method: string;
    readonly path: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly scheme: string;
  };
  readonly source: SimulateSource;
  readonly outcome: SimulateOutcome;
  readonly match: SimulateMatch | null;
  readonly destinations: readonly SimulateDestination[];
  readonly redirect: JsonValue | null;
  readonly rewrite: JsonValue | null;
  readonly fault: JsonValue | null;
  readonly headers: JsonValue | null;
  readonly directResponse: JsonValue | null;
  readonly timeout: JsonValue | null;
  readonly retries: JsonValue | null;
  /** Added: the rule's `corsPolicy` as written. */
  readonly corsPolicy: JsonValue | null;
  readonly mirrors: readonly SimulateMirror[];
  readonly tls: SimulateTls | null;
  readonly authorization: SimulateAuthorization | null;
  /** Added: the host the request was resolved to (FQDN) and the virtual host that served it. */
  readonly resolvedHost: string;
  readonly virtualHost: string | null;
  /** Added: every rule tested, in order (the decision trace). */
  readonly evaluated: readonly EvaluatedRule[];
  readonly notes: readonly string[];
}

export type SimulateErrorCode =
  | 'INVALID_SOURCE'
  | 'UNKNOWN_WORKLOAD'
  | 'GATEWAY_PROXY_SOURCE'
  | 'UNKNOWN_GATEWAY'
  | 'NO_GATEWAY_PROXY'
  | 'INVALID_REQUEST';

/** Why a request cannot be simulated at all (bad input, not a routing outcome). */
export interface SimulateError {
  readonly code: SimulateErrorCode;
  readonly message: string;
}
