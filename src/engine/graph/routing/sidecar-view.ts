import {
  compareSpecificity,
  hostsMatch,
  hostSubsetOf,
  isWildcardHost,
} from '../hosts/host-name.js';
import { MESH_GATEWAY } from '../hosts/short-name.js';
import { pickService } from '../services/service-registry.js';
import { registryMiss } from './registry-miss.js';
import { scopeImportsService, scopeImportsVirtualService } from '../sidecars/egress-imports.js';
import type { MeshGraph } from '../types/mesh-graph.js';
import type { ServiceInfo } from '../types/service.js';
import type { SidecarScope } from '../types/sidecar.js';
import type { VirtualServiceInfo } from '../types/virtual-service.js';
import { compareStrings, pushTo, sortedStrings } from '../util/compare.js';

/** The VirtualService that owns a host for a sidecar, and every one that wanted it (R5). */
export interface HostClaim {
  readonly winner: VirtualServiceInfo;
  readonly contenders: readonly VirtualServiceInfo[];
  /** The VS host that matched (exact, or the most specific wildcard). */
  readonly vsHost: string;
}

/** Exact and wildcard VS host indexes of a list of VirtualServices, in list order. */
class VirtualServiceHosts {
  readonly exact = new Map<string, VirtualServiceInfo[]>();
  readonly wild = new Map<string, VirtualServiceInfo[]>();

  constructor(list: readonly VirtualServiceInfo[]) {
    for (const vs of list) {
      // Most VirtualServices name one host: no need to de-duplicate then.
      for (const host of vs.hosts.length === 1 ? vs.hosts : new Set(vs.hosts)) {
        pushTo(isWildcardHost(host) ? this.wild : this.exact, host, vs);
      }
    }
  }
}

/** The public tier's index, built once per list (every namespace without a Sidecar shares it). */
const sharedHosts = new WeakMap<readonly VirtualServiceInfo[], VirtualServiceHosts>();

function hostsOf(list: readonly VirtualServiceInfo[]): VirtualServiceHosts {
  let found = sharedHosts.get(list);
  if (found === undefined) {
    found = new VirtualServiceHosts(list);
    sharedHosts.set(list, found);
  }
  return found;
}

function concat<T>(a: T[] | undefined, b: T[] | undefined): T[] | undefined {
  return a === undefined ? b : b === undefined ? a : [...a, ...b];
}

/** Per-scope view (R3 + R8), computed once per Sidecar scope and cached on the graph. */
export class SidecarView {
  private readonly services = new Map<string, ServiceInfo | null>();
  private visible: readonly ServiceInfo[] | null = null;
  /** Host indexes of the visible VirtualServices, in `forGateway` order (local tiers, public). */
  private readonly parts: readonly VirtualServiceHosts[];
  private readonly wildcards: [string, VirtualServiceInfo[]][] = [];
  readonly virtualServices: readonly VirtualServiceInfo[];

  constructor(
    private readonly graph: MeshGraph,
    readonly scope: SidecarScope,
  ) {
    const bound = graph.virtualServices.forGateway(scope.namespace, MESH_GATEWAY);
    if (scope.imports === null) {
      const tiers = graph.virtualServices.tiersForGateway(scope.namespace, MESH_GATEWAY);
      this.virtualServices = bound;
      this.parts = [new VirtualServiceHosts(tiers.local), hostsOf(tiers.shared)];
    } else {
      this.virtualServices = bound.filter((vs) => scopeImportsVirtualService(scope, vs));
      this.parts = [new VirtualServiceHosts(this.virtualServices)];
    }
    const wild = new Map<string, VirtualServiceInfo[]>();
    for (const part of this.parts) {
      for (const [host, list] of part.wild) {
        wild.set(host, concat(wild.get(host), list) ?? list);
      }
    }
    this.wildcards = [...wild.entries()].sort((a, b) => compareSpecificity(a[0], b[0]));
  }

  private exactFor(host: string): VirtualServiceInfo[] | undefined {
    let out: VirtualServiceInfo[] | undefined;
    for (const part of this.parts) {
      out = concat(out, part.exact.get(host));
    }
    return out;
  }

  /** The registry entry this sidecar resolves `host` to: imported (R8), exported (R3), deduplicated. */
  resolveService(host: string): ServiceInfo | null {
    let found = this.services.get(host);
    if (found === undefined) {
      const all = this.graph.services.byHost.get(host) ?? [];
      const only = all.length === 1 ? all[0] : undefined;
      // Fast path: one public entry and no Sidecar egress filter (the common case).
      if (only !== undefined && this.scope.imports === null && only.exportTo.isPublic) {
        this.services.set(host, only);
        return only;
      }
      const candidates = (this.graph.services.byHost.get(host) ?? []).filter((s) =>
        scopeImportsService(this.scope, s),
      );
      found = pickService(candidates, this.scope.namespace);
      this.services.set(host, found);
    }
    return found;
  }

  /** Why `host:port` is not in this sidecar's registry (`visible`: what resolveService found). */
  registryMiss(host: string, port: number, visible: ServiceInfo | null): string {
    return registryMiss(this.graph, this.scope, host, port, visible);
  }

  /**
   * R1/R5 — the VirtualService bound to `host` on this sidecar: an exact VS host wins, else the most
   * specific wildcard VS host (`computeWildcardHostVirtualServiceIndex`, P/model/sidecar.go); among
   * VSs with that same host the first in tier/age order keeps it (`dedupeDomains`).
   */
  claim(host: string, inRegistry: boolean): HostClaim | null {
    const exact = this.exactFor(host);
    if (exact?.[0] !== undefined) {
      return { winner: exact[0], contenders: exact, vsHost: host };
    }
    for (const [wildcard, list] of this.wildcards) {
      const covers = inRegistry ? hostsMatch(host, wildcard) : hostSubsetOf(host, wildcard);
      if (covers && list[0] !== undefined) {
        return { winner: list[0], contenders: list, vsHost: wildcard };
      }
    }
    return null;
  }

  /** Every registry entry this sidecar sees, one per hostname, sorted by hostname. */
  visibleServices(): readonly ServiceInfo[] {
    if (this.visible !== null) {
      return this.visible;
    }
    const out: ServiceInfo[] = [];
    for (const host of this.graph.services.byHost.keys()) {
      const service = this.resolveService(host);
      if (service !== null) {
        out.push(service);
      }
    }
    this.visible = out.sort((a, b) => compareStrings(a.hostname, b.hostname));
    return this.visible;
  }

  /** VS hosts that name no visible service: sidecars only get a virtual host on port 80 for them (R1). */
  virtualServiceOnlyHosts(): string[] {
    const hosts = new Set<string>();
    for (const part of this.parts) {
      for (const host of part.exact.keys()) {
        if (this.resolveService(host) === null) {
          hosts.add(host);
        }
      }
    }
    return sortedStrings(hosts);
  }
}

const views = new WeakMap<MeshGraph, Map<string, SidecarView>>();

export function sidecarView(graph: MeshGraph, scope: SidecarScope): SidecarView {
  let byScope = views.get(graph);
  if (byScope === undefined) {
    byScope = new Map();
    views.set(graph, byScope);
  }
  let view = byScope.get(scope.key);
  if (view === undefined) {
    view = new SidecarView(graph, scope);
    byScope.set(scope.key, view);
  }
  return view;
}
