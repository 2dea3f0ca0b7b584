import type { MeshGraph } from '../graph/types/mesh-graph.js';
import { sortedStrings } from '../graph/util/compare.js';
import type { HitCache, KeyedHits } from './hit-cache.js';
import { namespaceSensitiveHosts } from './namespace-sensitivity.js';
import type { TargetHit } from './route-hits.js';
import type { SidecarGroup } from './sidecar-sources.js';

/** The hits of a group as shared parts, and a digest of their keys (equal digests, equal hits). */
export interface GroupHits {
  readonly signature: string;
  readonly parts: readonly (readonly TargetHit[])[];
}

function hashKeys(keys: readonly string[], seed = ''): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (const key of [seed, ...keys]) {
    for (let i = 0; i < key.length; i += 1) {
      const code = key.charCodeAt(i);
      a = Math.imul(a ^ code, 0x01000193) >>> 0;
      b = Math.imul(b ^ code, 0x5bd1e995) >>> 0;
    }
    a = Math.imul(a ^ 0x0a, 0x01000193) >>> 0;
  }
  return `${String(keys.length)}-${a.toString(16)}-${b.toString(16)}`;
}

/**
 * Evaluates source groups. Groups without Sidecar egress share the evaluation of every
 * namespace-insensitive host (see {@link namespaceSensitiveHosts}); only the rest is per group.
 */
export class GroupEvaluator {
  private readonly sensitive: Set<string>;
  private readonly hosts: readonly string[];
  private shared: { keyed: KeyedHits[]; signature: string } | null = null;

  constructor(
    private readonly graph: MeshGraph,
    private readonly cache: HitCache,
    share = true,
  ) {
    this.sensitive = share ? namespaceSensitiveHosts(graph) : new Set(graph.services.byHost.keys());
    this.hosts = sortedStrings(graph.services.byHost.keys());
  }

  /** The hits of every port of a registry host (or, hidden with ALLOW_ANY, its passthrough). */
  hostHits(group: SidecarGroup, host: string, out: KeyedHits[]): void {
    const service = group.view.resolveService(host);
    if (service !== null) {
      for (const port of service.ports) {
        if (port.traffic !== 'udp') {
          out.push(this.cache.forHost(group, host, port.number, true));
        }
      }
      return;
    }
    if (group.view.scope.outboundTrafficPolicy === 'ALLOW_ANY') {
      // Hidden Kubernetes Services are still reached through passthrough (kube-proxy, plaintext).
      for (const hidden of this.graph.services.byHost.get(host) ?? []) {
        if (hidden.kind === 'Service') {
          out.push(this.cache.kubeProxy(hidden, 'passthrough'));
        }
      }
    }
  }

  private sharedPart(group: SidecarGroup): { keyed: KeyedHits[]; signature: string } {
    if (this.shared === null) {
      const keyed: KeyedHits[] = [];
      for (const host of this.hosts) {
        if (!this.sensitive.has(host)) {
          this.hostHits(group, host, keyed);
        }
      }
      this.shared = { keyed, signature: hashKeys(keyed.map((k) => k.key)) };
    }
    return this.shared;
  }

  /**
   * Every workload a group's sidecar can deliver to (SEMANTICS §0): each visible host and port
   * (R3, R8) through its routes (R1, R5, R6, R11), VS-only hosts on port 80, and — with ALLOW_ANY —
   * Kubernetes Services the scope hides, reached by passthrough.
   */
  evaluate(group: SidecarGroup): GroupHits {
    const isDefaultScope = group.view.scope.imports === null;
    const shared = isDefaultScope ? this.sharedPart(group) : { keyed: [], signature: '' };
    const keyed: KeyedHits[] = [];
    for (const host of this.hosts) {
      if (!isDefaultScope || this.sensitive.has(host)) {
        this.hostHits(group, host, keyed);
      }
    }
    for (const host of group.view.virtualServiceOnlyHosts()) {
      keyed.push(this.cache.forHost(group, host, 80, false));
    }
    return {
      signature: hashKeys(
        keyed.map((k) => k.key),
        shared.signature,
      ),
      parts: [...shared.keyed.map((k) => k.hits), ...keyed.map((k) => k.hits)],
    };
  }
}
