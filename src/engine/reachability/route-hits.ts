import type { JsonObject } from '../model/json.js';
import { isJsonObject } from '../model/json.js';
import {
  type DestinationClient,
  destinationWorkloads,
} from '../graph/routing/destination-workloads.js';
import type {
  EffectiveDestination,
  EffectiveHttpRoute,
  RouteTable,
} from '../graph/routing/route-types.js';
import { findPort, workloadPortFor } from '../graph/services/service-registry.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import type { ServiceInfo } from '../graph/types/service.js';
import type { WorkloadInfo } from '../graph/types/workload.js';
import { hashEdge } from './edge-hash.js';
import type { ReachEdge } from './reachability-types.js';

/** A workload a route can deliver to, with what the server side needs to admit it. */
export interface TargetHit {
  readonly workload: WorkloadInfo;
  /** Port the workload receives on (PeerAuthentication port-level key, R9). */
  readonly workloadPort: number;
  readonly protocol: 'http' | 'tcp';
  /** DestinationRule `tls.mode` for the destination, or null (auto mTLS). */
  readonly drTlsMode: string | null;
  /** Plaintext without identity whatever the rules say (kube-proxy, passthrough). */
  readonly forcePlaintext: boolean;
  readonly host: string;
  readonly port: number;
  readonly route: string;
  readonly subset: string | null;
  /** The edge this hit produces, built once and shared by every edge list. */
  readonly edge: ReachEdge;
  readonly edgeHash: number;
}

/** A route whose fault aborts 100 % of requests reaches nothing (SEMANTICS §0). */
export function abortsEverything(route: EffectiveHttpRoute): boolean {
  const fault = isJsonObject(route.fault ?? null) ? (route.fault as JsonObject) : null;
  const abort =
    fault !== null && isJsonObject(fault['abort'] ?? null) ? (fault['abort'] as JsonObject) : null;
  if (abort === null) {
    return false;
  }
  const percentage = isJsonObject(abort['percentage'] ?? null)
    ? (abort['percentage'] as JsonObject)
    : null;
  const value = percentage?.['value'];
  // API virtual_service.proto: "If not specified, no requests will be aborted".
  return typeof value === 'number' && value >= 100;
}

function deliversTraffic(route: EffectiveHttpRoute): boolean {
  return route.redirect === null && route.directResponse === null && !abortsEverything(route);
}

function hitsFor(
  graph: MeshGraph,
  client: DestinationClient,
  destination: EffectiveDestination,
  base: {
    readonly protocol: 'http' | 'tcp';
    readonly route: string;
    readonly forcePlaintext: boolean;
  },
): TargetHit[] {
  // A weight-0 destination among several receives nothing (R11).
  if (destination.weight <= 0 || destination.service === null || destination.port === null) {
    return [];
  }
  const servicePort = findPort(destination.service, destination.port);
  if (servicePort === null) {
    return [];
  }
  const endpoints = destinationWorkloads(graph, client, destination);
  const port = destination.port;
  return endpoints.workloads.map((workload) => {
    const edge: ReachEdge = {
      to: workload.id,
      host: destination.host,
      port,
      route: base.route,
      subset: destination.subset,
    };
    return {
      workload,
      workloadPort: workloadPortFor(servicePort, workload),
      protocol: base.protocol,
      drTlsMode: base.forcePlaintext ? null : endpoints.tlsMode,
      forcePlaintext: base.forcePlaintext,
      host: destination.host,
      port,
      route: base.route,
      subset: destination.subset,
      edge,
      edgeHash: hashEdge(edge),
    };
  });
}

/** Every workload the routes of one table can deliver a request to. */
export function tableHits(
  graph: MeshGraph,
  client: DestinationClient,
  table: Pick<RouteTable, 'traffic' | 'http' | 'tcp' | 'tls'>,
): TargetHit[] {
  const out: TargetHit[] = [];
  const streamProtocol = table.traffic === 'http' ? 'http' : 'tcp';
  for (const route of table.http) {
    if (deliversTraffic(route)) {
      for (const destination of route.destinations) {
        out.push(
          ...hitsFor(graph, client, destination, {
            protocol: 'http',
            route: route.ref,
            forcePlaintext: false,
          }),
        );
      }
    }
  }
  for (const route of [...table.tcp, ...table.tls]) {
    for (const destination of route.destinations) {
      out.push(
        ...hitsFor(graph, client, destination, {
          protocol: streamProtocol,
          route: route.ref,
          forcePlaintext: false,
        }),
      );
    }
  }
  return out;
}

/** Kube-proxy delivery to one Service's endpoints (plain clients, sidecar passthrough): plaintext, no VS. */
export function kubeProxyHits(
  graph: MeshGraph,
  service: ServiceInfo,
  route: 'kube-proxy' | 'passthrough',
): TargetHit[] {
  const out: TargetHit[] = [];
  const client = { namespace: service.namespace, labels: null };
  for (const port of service.ports) {
    if (port.traffic === 'udp') {
      continue;
    }
    const destination: EffectiveDestination = {
      host: service.hostname,
      subset: null,
      port: port.number,
      weight: 100,
      writtenWeight: null,
      service,
    };
    const protocol = port.traffic === 'http' || port.traffic === 'auto' ? 'http' : 'tcp';
    out.push(...hitsFor(graph, client, destination, { protocol, route, forcePlaintext: true }));
  }
  return out;
}
