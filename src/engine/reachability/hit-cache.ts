import { destinationRuleFor } from '../graph/routing/destination-workloads.js';
import { sidecarRoutes } from '../graph/routing/sidecar-routes.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import type { ServiceInfo } from '../graph/types/service.js';
import type { VirtualServiceInfo } from '../graph/types/virtual-service.js';
import { kubeProxyHits, type TargetHit, tableHits } from './route-hits.js';
import type { SidecarGroup } from './sidecar-sources.js';

interface VsTraits {
  /** Every destination host of the VS (R11 port resolution and R7 lookups depend on them). */
  readonly destinationHosts: readonly string[];
  readonly usesSourceLabels: boolean;
  readonly usesSourceNamespace: boolean;
}

function traitsOf(vs: VirtualServiceInfo): VsTraits {
  const rules = [...vs.http, ...vs.tcp, ...vs.tls];
  const matches = rules.flatMap((r) => r.matches);
  const hosts = new Set(rules.flatMap((r) => r.destinations.map((d) => d.host)));
  return {
    destinationHosts: [...hosts].sort(),
    usesSourceLabels: matches.some((m) => m.sourceLabels !== null),
    usesSourceNamespace: matches.some((m) => m.sourceNamespace !== null),
  };
}

/** A cached hit list and the key that says everything it depends on. */
export interface KeyedHits {
  readonly key: string;
  readonly hits: readonly TargetHit[];
}

/**
 * Shares route evaluation between source groups: the workloads a (service, port) leads to depend
 * only on the VirtualService that claims it, the routing labels/namespace the VS reads, and how
 * the group resolves each destination host (registry entry, DestinationRule). Groups that agree on
 * all of that get the same (cached) hits.
 */
export class HitCache {
  private readonly hits = new Map<string, readonly TargetHit[]>();
  private readonly traits = new Map<string, VsTraits>();
  private readonly passthrough = new Map<string, readonly TargetHit[]>();
  /** Notes of the route tables evaluated (R5/R12 decisions the result depends on). */
  readonly notes = new Set<string>();
  /** The same notes per host, without the Sidecar scope's own (see `scopeNotes`). */
  readonly hostNotes = new Map<string, Set<string>>();
  /** Some evaluated group's Sidecar scope carried notes (creation-order assumptions). */
  scopeNotes = false;

  constructor(private readonly graph: MeshGraph) {}

  private traitsFor(vs: VirtualServiceInfo): VsTraits {
    let found = this.traits.get(vs.id);
    if (found === undefined) {
      found = traitsOf(vs);
      this.traits.set(vs.id, found);
    }
    return found;
  }

  private destinationKey(group: SidecarGroup, host: string): string {
    const service = group.view.resolveService(host);
    if (service === null) {
      return '-';
    }
    const client = { namespace: group.namespace, labels: group.labels };
    const rule = destinationRuleFor(this.graph, client, service.hostname, service.namespace);
    return `${service.uid}@${rule === null ? '' : rule.from.join(',')}`;
  }

  /** Hits of `host:port` for a group (registry host, or a VS-only host on port 80). */
  forHost(group: SidecarGroup, host: string, port: number, inRegistry: boolean): KeyedHits {
    const vs = group.view.claim(host, inRegistry)?.winner ?? null;
    const traits = vs === null ? null : this.traitsFor(vs);
    const destinations = traits === null ? [host] : traits.destinationHosts;
    const key = [
      host,
      String(port),
      vs?.id ?? '',
      traits?.usesSourceLabels === true ? group.signature : '',
      traits?.usesSourceNamespace === true ? group.namespace : '',
      destinations.map((h) => this.destinationKey(group, h)).join(';'),
    ].join('|');
    let hits = this.hits.get(key);
    if (hits === undefined) {
      const proxy = { id: group.key, view: group.view, labels: group.labels };
      const client = { namespace: group.namespace, labels: group.labels };
      const table = sidecarRoutes(proxy, host, port);
      this.recordNotes(group, host, table.notes);
      hits = tableHits(this.graph, client, table);
      this.hits.set(key, hits);
    }
    return { key, hits };
  }

  private recordNotes(group: SidecarGroup, host: string, notes: readonly string[]): void {
    const scope = new Set(group.view.scope.notes);
    this.scopeNotes ||= scope.size > 0;
    for (const note of notes) {
      this.notes.add(note);
      if (!scope.has(note)) {
        const set = this.hostNotes.get(host) ?? new Set<string>();
        set.add(note);
        this.hostNotes.set(host, set);
      }
    }
  }

  /** Kube-proxy hits of a Service (shared by plain clients and sidecar passthrough). */
  kubeProxy(service: ServiceInfo, route: 'kube-proxy' | 'passthrough'): KeyedHits {
    const key = `${route}|${service.uid}`;
    let hits = this.passthrough.get(key);
    if (hits === undefined) {
      hits = kubeProxyHits(this.graph, service, route);
      this.passthrough.set(key, hits);
    }
    return { key, hits };
  }
}
