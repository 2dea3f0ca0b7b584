import type { ResourceKey } from '../model/resource.js';

/** PeerAuthentication mTLS mode after UNSET inheritance (SEMANTICS R9). */
export type MtlsMode = 'STRICT' | 'PERMISSIVE' | 'DISABLE';

/** What a client sidecar originates towards an upstream (DestinationRule `tls.mode` values). */
export type ClientTlsMode = 'ISTIO_MUTUAL' | 'DISABLE' | 'SIMPLE' | 'MUTUAL';

/** The server side of a policy decision: a workload's namespace and pod-template labels. */
export interface PolicyWorkload {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * The client as the server's sidecar sees it. `principal` is the peer's SPIFFE id
 * (`spiffe://<td>/ns/<ns>/sa/<sa>`) when the connection is Istio mTLS, else null (plaintext).
 * `namespace` is informational: Istio derives `source.namespace` from the principal, so a
 * plaintext client matches no `namespaces` condition whatever its namespace.
 */
export interface PolicySource {
  readonly namespace: string | null;
  readonly principal: string | null;
  readonly ip?: string;
}

/** One concrete request, as the route simulator knows it. JWTs are not modelled (always absent). */
export interface AuthzRequest {
  readonly protocol: 'http' | 'tcp';
  /** The workload (container/target) port the request arrives on. */
  readonly port: number;
  /** `:authority` as sent, possibly with `:port`. */
  readonly host?: string;
  readonly method?: string;
  /** Path, possibly with `?query` (stripped before matching `paths`). */
  readonly path?: string;
  /** Header names are matched case-insensitively. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** "Oldest first" order of R12: negative when `a` is older than `b`. */
export type ResourceOrder = (a: ResourceKey, b: ResourceKey) => number;
