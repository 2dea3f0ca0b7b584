import { Injectable } from '@nestjs/common';
import {
  canonicalHost,
  findEdge,
  listEdges,
  routesFor,
  simulateRequest,
  type Edge,
  type SimulateRequest,
  type SimulateResult,
} from '../../engine/index.js';
import { DomainError } from '../../platform/errors/domain-error.js';
import { SnapshotsService } from '../snapshots/snapshots.service.js';
import {
  toMeshDestinationRule,
  toMeshGateway,
  toMeshService,
  toMeshVirtualService,
  toMeshWorkload,
  toRouteTableView,
} from './graph.mapper.js';
import type {
  MeshDestinationRule,
  MeshGateway,
  MeshService,
  MeshVirtualService,
  MeshWorkload,
  RouteTableView,
} from './models/graph.model.js';
import { ResolvedGraphCache, type ResolvedVersion } from './resolved-graph-cache.service.js';

export type VersionRef = number | 'latest';

const byNamespace = (ns: string | null | undefined) => (item: { namespace: string }) =>
  ns === null || ns === undefined || item.namespace === ns;

function unknown(code: string, message: string): DomainError {
  return new DomainError('INVALID_ARGUMENT', message, { simulateCode: code });
}

/** As simulate's source check (engine simulate-source.ts), with its messages and codes. */
function checkWorkload(r: ResolvedVersion, id: string): void {
  if (!r.graph.workloadsById.has(id)) {
    throw unknown('UNKNOWN_WORKLOAD', `workload ${id} is not in the snapshot`);
  }
}

/** A reachability source: a workload id, or `external:<ns>/<gateway>`. */
function checkSource(r: ResolvedVersion, from: string): void {
  if (r.reach.sourcesById.has(from)) {
    return;
  }
  if (from.startsWith('external:')) {
    const gateway = from.slice('external:'.length);
    if (!r.graph.gatewaysById.has(gateway)) {
      throw unknown('UNKNOWN_GATEWAY', `Gateway ${gateway} is not in the snapshot`);
    }
    return;
  }
  checkWorkload(r, from);
}

/** Queries over the resolved graph of one stored version (SEMANTICS §0). */
@Injectable()
export class GraphService {
  constructor(
    private readonly cache: ResolvedGraphCache,
    private readonly snapshots: SnapshotsService,
  ) {}

  /** The resolved graph of a version, or of the version current at `asOf` (issue 7). */
  async resolve(environment: string, version: VersionRef, asOf?: Date): Promise<ResolvedVersion> {
    if (asOf === undefined) {
      return this.cache.get(environment, version);
    }
    const ref = version === 'latest' ? { asOf } : { version, asOf };
    const info = await this.snapshots.resolveVersionRef(environment, ref);
    return this.cache.get(environment, info.number);
  }

  services(r: ResolvedVersion, namespace?: string | null): MeshService[] {
    return r.graph.services.all
      .filter(byNamespace(namespace))
      .map((s) => toMeshService(r.graph, s));
  }

  hosts(r: ResolvedVersion): string[] {
    return [...new Set(r.graph.services.all.map((s) => s.hostname))].sort();
  }

  workloads(r: ResolvedVersion, namespace?: string | null): MeshWorkload[] {
    return r.graph.workloads.filter(byNamespace(namespace)).map((w) => toMeshWorkload(r.reach, w));
  }

  gateways(r: ResolvedVersion): MeshGateway[] {
    return r.graph.gateways.map((g) => toMeshGateway(r.reach, g));
  }

  virtualServices(r: ResolvedVersion, namespace?: string | null): MeshVirtualService[] {
    return r.graph.virtualServices.all.filter(byNamespace(namespace)).map(toMeshVirtualService);
  }

  destinationRules(r: ResolvedVersion, namespace?: string | null): MeshDestinationRule[] {
    return r.graph.destinationRules.rules.filter(byNamespace(namespace)).map(toMeshDestinationRule);
  }

  /** Routes for a host as `mesh` sidecars of a namespace, or a Gateway, program them. */
  routes(
    r: ResolvedVersion,
    host: string,
    gateway: string,
    namespace: string,
    port: number | null,
  ): RouteTableView[] {
    const context =
      gateway === 'mesh'
        ? ({ kind: 'anonymous', namespace } as const)
        : ({ kind: 'gateway', gateway } as const);
    if (gateway !== 'mesh' && !r.graph.gatewaysById.has(gateway)) {
      throw new DomainError(
        'INVALID_ARGUMENT',
        `no Gateway ${gateway} in version ${String(r.version)}`,
      );
    }
    const fqdn = gateway === 'mesh' ? canonicalHost(r.graph, namespace, host) : host;
    const ports =
      port !== null
        ? [port]
        : gateway === 'mesh'
          ? (r.graph.services.byHost.get(fqdn) ?? []).flatMap((s) => s.ports.map((p) => p.number))
          : (r.graph.gatewaysById.get(gateway)?.servers ?? []).map((s) => s.port);
    const unique = [...new Set(ports.length === 0 ? [80] : ports)].sort((a, b) => a - b);
    return unique.map((p) => toRouteTableView(routesFor(r.graph, context, fqdn, p)));
  }

  /**
   * Edges of the reachability relation, optionally from one source and/or to one workload. A
   * source or workload the version does not have is refused as simulate refuses it (400,
   * `UNKNOWN_WORKLOAD` / `UNKNOWN_GATEWAY`), not answered with no edges.
   */
  reachability(r: ResolvedVersion, from?: string | null, to?: string | null): Edge[] {
    if (from) {
      checkSource(r, from);
    }
    if (to) {
      checkWorkload(r, to);
    }
    if (from && to) {
      const edge = findEdge(r.reach, from, to);
      return edge === null
        ? []
        : listEdges({ ...r.reach, sources: r.reach.sources.filter((s) => s.id === from) }).filter(
            (e) => e.to === to,
          );
    }
    const sources = from ? r.reach.sources.filter((s) => s.id === from) : r.reach.sources;
    return listEdges({ ...r.reach, sources }).filter((e) => !to || e.to === to);
  }

  unreachableWorkloads(r: ResolvedVersion): string[] {
    return [...r.reach.unreachable];
  }

  simulate(r: ResolvedVersion, request: SimulateRequest): SimulateResult {
    const result = simulateRequest(r.graph, request);
    if (!result.ok) {
      throw new DomainError('INVALID_ARGUMENT', result.error.message, {
        simulateCode: result.error.code,
      });
    }
    return result.value;
  }
}
