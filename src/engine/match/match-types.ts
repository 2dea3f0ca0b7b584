/** A request as the route simulator sees it (contracts/simulate.md `request`). */
export interface HttpRequestAttributes {
  /** `:authority` as sent (the simulate `host`), possibly with `:port`. */
  readonly authority: string;
  readonly method: string;
  /** `:path`, possibly with `?query`. */
  readonly path: string;
  readonly scheme: string;
  /** Header names are matched case-insensitively. */
  readonly headers: Readonly<Record<string, string>>;
}

/** Who sends the request and where it enters: the proxy whose routes are being evaluated. */
export interface MatchContext {
  /** Labels of the client proxy (sidecar workload, or gateway proxy for gateway traffic). */
  readonly sourceLabels: Readonly<Record<string, string>>;
  readonly sourceNamespace: string;
  /** 'mesh' for sidecars, or the bound gateway as `ns/name`. */
  readonly gateway: string;
  /** Listener port the request arrived on. */
  readonly port: number;
  /**
   * Namespace of the VirtualService the match comes from, used to resolve short gateway names in
   * `match[].gateways` (R2). When absent, names are compared as written.
   */
  readonly vsNamespace?: string;
}

export interface MatchResult {
  readonly matched: boolean;
  /** Human-readable, e.g. `uri prefix /api matched` or `header end-user exact jason did not match`. */
  readonly reason: string;
}

export interface RouteMatchResult extends MatchResult {
  /** Index in `match[]` of the first matching entry; null for a route without matches or no match. */
  readonly matchIndex: number | null;
}
