import { destinationWorkloads } from '../graph/routing/destination-workloads.js';
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
export function explainLostEdge(_base: Side, target: Side, source: string, edge: ReachEdge): string {
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
    : explainTable(graph, routesFor(graph, contextOf(source), edge.host, edge.port), source, workload, edge);
  return typeof routing === 'string'
    ? routing
    : explainServerSide(graph, source, workload, edge, routing.drTlsMode);
}

/** Routing still delivers to the workload; the DestinationRule TLS mode the client applies. */
interface StillRouted {
  readonly drTlsMode: string | null;
}

function explainTable(
  graph: MeshGraph,
  table: RouteTable,
  source: string,
  workload: WorkloadInfo,
  edge: ReachEdge,
): string | StillRouted {
  const where = `${edge.host}:${String(edge.port)}`;
  switch (table.status) {
    case 'blackhole':
      return `${where} is not visible to the client (Sidecar egress) and outbound traffic is REGISTRY_ONLY (BlackHole)`;
    case 'passthrough':
      return `${where} is no longer in the client's service registry (PassthroughCluster)`;
    case 'no-route':
      return `no route for ${where} at ${table.proxy}${table.notes[0] === undefined ? '' : `: ${table.notes[0]}`}`;
    case 'routed':
    case 'default':
      break;
  }
  const routes = [...table.http, ...table.tcp, ...table.tls];
  const reasons: string[] = [];
  for (const route of table.http) {
    if (abortsEverything(route)) {
      reasons.push(`route ${route.ref} aborts every request (fault)`);
    }
  }
  const client = { namespace: workloadNamespace(graph, source), labels: graph.workloadsById.get(source)?.labels ?? null };
  for (const route of routes) {
    for (const destination of route.destinations) {
      if (destination.weight <= 0) {
        continue;
      }
      const endpoints = destinationWorkloads(graph, client, destination);
      if (endpoints.workloads.some((w) => w.id === workload.id)) {
        return { drTlsMode: endpoints.tlsMode }; // still routed there: the server side refuses it
      }
      if (destination.service === null) {
        reasons.push(`${destination.host} is not a known service`);
      } else if (!endpoints.subsetFound) {
        reasons.push(`${describeSubset(destination)} is not defined by any applicable DestinationRule`);
      } else if (endpoints.workloads.length === 0) {
        reasons.push(`${describeSubset(destination)} selects no workload`);
      }
    }
  }
  if (reasons.length > 0) {
    return [...new Set(reasons)].join('; ');
  }
  const sent = routes.flatMap((r) => r.destinations.filter((d) => d.weight > 0).map(describeSubset));
  return sent.length === 0
    ? `no destination for ${where}`
    : `${where} now routes to ${[...new Set(sent)].join(', ')}`;
}

function workloadNamespace(graph: MeshGraph, source: string): string {
  if (source.startsWith(EXTERNAL)) {
    return source.slice(EXTERNAL.length).split('/')[0] ?? '';
  }
  return graph.workloadsById.get(source)?.namespace ?? '';
}

function explainServerSide(
  graph: MeshGraph,
  source: string,
  workload: WorkloadInfo,
  edge: ReachEdge,
  drTlsMode: string | null,
): string {
  const client = graph.workloadsById.get(source);
  const clientInMesh = source.startsWith(EXTERNAL) || (client?.inMesh ?? false);
  if (workload.inMesh) {
    const server = effectiveMtlsMode(graph.peerAuthentication, workload, edge.port);
    const mode = clientInMesh
      ? clientTlsMode(drTlsMode, graph.meshConfig.enableAutoMtls, true, server.mode)
      : 'DISABLE';
    if (!isTlsCompatible(mode, server.mode, clientInMesh, true)) {
      const by = server.decidedBy === null ? '' : ` (${server.decidedBy})`;
      const sends = drTlsMode === null ? mode : `${mode} (DestinationRule tls.mode)`;
      return `mTLS: ${workload.id} requires ${server.mode}${by} and the client sends ${sends}`;
    }
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
  return source.startsWith(EXTERNAL)
    ? `${source.slice(EXTERNAL.length)} no longer routes to ${edge.host}:${String(edge.port)} (${workload.id})`
    : `no longer reaches ${workload.id} on ${edge.host}:${String(edge.port)}`;
}
