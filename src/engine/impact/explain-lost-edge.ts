import {
  destinationWorkloads,
  type DestinationEndpoints,
} from '../graph/routing/destination-workloads.js';
import { routesFor } from '../graph/routing/routes-for.js';
import type {
  EffectiveDestination,
  ProxyContext,
  RouteTable,
} from '../graph/routing/route-types.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import type { WorkloadInfo } from '../graph/types/workload.js';
import { canSourceReach } from '../policy/authz-reach.js';
import { clientTlsMode, isTlsCompatible } from '../policy/client-tls.js';
import { effectiveMtlsMode } from '../policy/peer-authentication.js';
import type { Reachability, ReachEdge } from '../reachability/reachability-types.js';
import { abortsEverything } from '../reachability/route-hits.js';

interface Side {
  readonly graph: MeshGraph;
  readonly reach: Reachability;
}

const EXTERNAL = 'external:';

function contextOf(source: string): ProxyContext {
  return source.startsWith(EXTERNAL)
    ? { kind: 'gateway', gateway: source.slice(EXTERNAL.length) }
    : { kind: 'sidecar', workload: source };
}

function describeSubset(destination: EffectiveDestination): string {
  return destination.subset === null
    ? destination.host
    : `subset ${destination.subset} of ${destination.host}`;
}

/**
 * Why `source` no longer reaches `edge.to` in the target snapshot, in one sentence a reviewer
 * can act on. Replays the target's routing for the host:port the base edge used, then the
 * server side (R9 mTLS, R10 authorization). Explanatory only: the edge sets themselves come
 * from the reachability computation.
 */
export function explainLostEdge(
  _base: Side,
  target: Side,
  source: string,
  edge: ReachEdge,
): string {
  const { graph } = target;
  const workload = graph.workloadsById.get(edge.to);
  if (workload === undefined) {
    return `${edge.to} was removed`;
  }
  if (!source.startsWith(EXTERNAL) && !graph.workloadsById.has(source)) {
    return `the source ${source} was removed`;
  }
  if (source.startsWith(EXTERNAL) && !graph.gatewaysById.has(source.slice(EXTERNAL.length))) {
    return `Gateway ${source.slice(EXTERNAL.length)} was removed`;
  }
  // External edges carry the destination host:port, not the request's: replay routing only
  // for sidecar clients; for gateways the server side (or the exposure diff) tells.
  const routing = source.startsWith(EXTERNAL)
    ? { drTlsMode: null }
    : explainTable(
        graph,
        routesFor(graph, contextOf(source), edge.host, edge.port),
        source,
        workload,
        edge,
      );
  return typeof routing === 'string'
    ? routing
    : explainServerSide(graph, source, workload, edge, routing.drTlsMode);
}

/** Routing still delivers to the workload; the DestinationRule TLS mode the client applies. */
interface StillRouted {
  readonly drTlsMode: string | null;
}

/** `: <why the host is not in the sidecar's registry>` (R3 exportTo, R8 Sidecar egress, no port). */
function missText(table: RouteTable): string {
  return table.registryMiss === undefined ? '' : `: ${table.registryMiss}`;
}

function statusReason(table: RouteTable, where: string): string | null {
  switch (table.status) {
    case 'blackhole':
      return `${where} is not in the client's registry${missText(table)}; outbound traffic is REGISTRY_ONLY, so the call is dropped (BlackHoleCluster, 502)`;
    case 'passthrough':
      return `${where} is no longer in the client's service registry${missText(table)}; the sidecar passes the call through unrouted (PassthroughCluster), and no workload in the mesh answers it`;
    case 'no-route':
      return `no route for ${where} at ${table.proxy}${table.notes[0] === undefined ? '' : `: ${table.notes[0]}`}`;
    case 'routed':
    case 'default':
      return null;
  }
}

/** Why a destination does not lead to any workload, or null when it has endpoints. */
function emptyDestinationReason(
  destination: EffectiveDestination,
  endpoints: DestinationEndpoints,
): string | null {
  if (destination.service === null) {
    return `${destination.host} is not a known service`;
  }
  if (!endpoints.subsetFound) {
    return `${describeSubset(destination)} is not defined by any applicable DestinationRule`;
  }
  return endpoints.workloads.length === 0
    ? `${describeSubset(destination)} selects no workload`
    : null;
}

function explainTable(
  graph: MeshGraph,
  table: RouteTable,
  source: string,
  workload: WorkloadInfo,
  edge: ReachEdge,
): string | StillRouted {
  const where = `${edge.host}:${String(edge.port)}`;
  const status = statusReason(table, where);
  if (status !== null) {
    return status;
  }
  const routes = [...table.http, ...table.tcp, ...table.tls];
  const reasons = table.http
    .filter(abortsEverything)
    .map((r) => `route ${r.ref} aborts every request (fault)`);
  const client = {
    namespace: workloadNamespace(graph, source),
    labels: graph.workloadsById.get(source)?.labels ?? null,
  };
  const live = routes.flatMap((r) => r.destinations.filter((d) => d.weight > 0));
  for (const destination of live) {
    const endpoints = destinationWorkloads(graph, client, destination);
    if (endpoints.workloads.some((w) => w.id === workload.id)) {
      return { drTlsMode: endpoints.tlsMode }; // still routed there: the server side refuses it
    }
    const reason = emptyDestinationReason(destination, endpoints);
    if (reason !== null) {
      reasons.push(reason);
    }
  }
  if (reasons.length > 0) {
    return [...new Set(reasons)].join('; ');
  }
  const sent = [...new Set(live.map(describeSubset))];
  return sent.length === 0
    ? `no destination for ${where}`
    : `${where} now routes to ${sent.join(', ')}`;
}

function workloadNamespace(graph: MeshGraph, source: string): string {
  if (source.startsWith(EXTERNAL)) {
    return source.slice(EXTERNAL.length).split('/')[0] ?? '';
  }
  return graph.workloadsById.get(source)?.namespace ?? '';
}

/** R9: the client's TLS mode against the workload's effective PeerAuthentication, or null. */
function mtlsReason(
  graph: MeshGraph,
  workload: WorkloadInfo,
  port: number,
  clientInMesh: boolean,
  drTlsMode: string | null,
): string | null {
  if (!workload.inMesh) {
    return null;
  }
  const server = effectiveMtlsMode(graph.peerAuthentication, workload, port);
  const mode = clientInMesh
    ? clientTlsMode(drTlsMode, graph.meshConfig.enableAutoMtls, true, server.mode)
    : 'DISABLE';
  if (isTlsCompatible(mode, server.mode, clientInMesh, true)) {
    return null;
  }
  const by = server.decidedBy === null ? '' : ` (${server.decidedBy})`;
  const sends = drTlsMode === null ? mode : `${mode} (DestinationRule tls.mode)`;
  return `mTLS: ${workload.id} requires ${server.mode}${by} and the client sends ${sends}`;
}

function explainServerSide(
  graph: MeshGraph,
  source: string,
  workload: WorkloadInfo,
  edge: ReachEdge,
  drTlsMode: string | null,
): string {
  const isExternal = source.startsWith(EXTERNAL);
  const client = graph.workloadsById.get(source);
  const clientInMesh = isExternal || (client?.inMesh ?? false);
  const tls = mtlsReason(graph, workload, edge.port, clientInMesh, drTlsMode);
  if (tls !== null) {
    return tls;
  }
  const principal = clientInMesh && client !== undefined ? client.identity : null;
  const decision = canSourceReach(
    graph.authorization,
    workload,
    { namespace: client?.namespace ?? null, principal },
    'http',
    edge.port,
  );
  if (!decision.allowed) {
    return `denied by AuthorizationPolicy${decision.decidedBy === null ? '' : ` ${decision.decidedBy}`}`;
  }
  return isExternal
    ? `${source.slice(EXTERNAL.length)} no longer routes to ${edge.host}:${String(edge.port)} (${workload.id})`
    : `no longer reaches ${workload.id} on ${edge.host}:${String(edge.port)}`;
}
