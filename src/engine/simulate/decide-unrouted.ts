import type { EffectiveDestination, RouteTable } from '../graph/routing/route-types.js';
import { findPort } from '../graph/services/service-registry.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import type { ServiceInfo } from '../graph/types/service.js';
import { admissionOutcome } from './admission-outcome.js';
import { describeDestinations } from './simulate-destinations.js';
import type { SimulatedHttpRequest } from './simulate-request-input.js';
import type { SimulationProxy } from './simulate-source.js';
import { emptyDecision, type SimulationDecision } from './simulation-decision.js';

function kubernetesService(graph: MeshGraph, host: string): ServiceInfo | null {
  return (graph.services.byHost.get(host) ?? []).find((s) => s.kind === 'Service') ?? null;
}

function portsText(service: ServiceInfo): string {
  return service.ports.map((p) => String(p.number)).join(', ');
}

/**
 * A sidecar with ALLOW_ANY sends a host it has no listener/route for to `PassthroughCluster`: the
 * original destination. When that is a Kubernetes Service hidden from the sidecar (R3 exportTo,
 * R8 Sidecar imports), kube-proxy delivers it to the Service's endpoints in plaintext, without
 * DestinationRule — as reachability counts it (SEMANTICS §0).
 */
function passthrough(
  graph: MeshGraph,
  proxy: SimulationProxy,
  request: SimulatedHttpRequest,
  host: string,
  table: RouteTable,
): SimulationDecision {
  const service = kubernetesService(graph, host);
  const visible = proxy.kind === 'sidecar' && proxy.view.resolveService(host) !== null;
  if (service === null) {
    return emptyDecision('passthrough', [
      `${host} is not in the registry of ${proxy.proxyId}: the request leaves the mesh to the original destination (ALLOW_ANY passthrough)`,
    ]);
  }
  const port = findPort(service, request.port);
  if (port === null) {
    return emptyDecision('passthrough', [
      `${host} has no port ${String(request.port)} (ports ${portsText(service)}): the connection to the original destination fails`,
    ]);
  }
  const destination: EffectiveDestination = {
    host,
    subset: null,
    port: port.number,
    weight: 100,
    writtenWeight: null,
    service,
  };
  const described = describeDestinations(graph, proxy, [destination], request, {
    protocol: port.traffic === 'http' || port.traffic === 'auto' ? 'http' : 'tcp',
    evaluate: true,
    forcePlaintext: true,
  });
  const admission = admissionOutcome(described.checks);
  const hidden = table.registryMiss ?? 'R3 exportTo / R8 Sidecar egress';
  const why = visible
    ? 'the sidecar has no route for this port'
    : `${host} is not in the registry of ${proxy.proxyId} (${hidden})`;
  return {
    ...emptyDecision(admission.outcome === 'route' ? 'passthrough' : admission.outcome, [
      `${why}: passthrough, kube-proxy delivers to the Service endpoints in plaintext without identity`,
      ...described.notes,
      ...admission.notes,
      ...described.checks.flatMap((c) => c.notes),
    ]),
    destinations: described.destinations,
    tls: admission.tls,
    authorization: admission.authorization,
  };
}

/** Route tables without routes: passthrough, blackhole (REGISTRY_ONLY) or no route at all. */
export function decideUnroutedRequest(
  graph: MeshGraph,
  proxy: SimulationProxy,
  request: SimulatedHttpRequest,
  table: RouteTable,
  host: string,
): SimulationDecision {
  if (table.status === 'blackhole') {
    const why = table.registryMiss === undefined ? '' : `: ${table.registryMiss}`;
    return emptyDecision('blackhole', [
      `${host}:${String(request.port)} is not in the registry of ${proxy.proxyId}${why}; outbound traffic is REGISTRY_ONLY: BlackHoleCluster, Envoy answers 502`,
    ]);
  }
  if (table.status === 'passthrough') {
    if (proxy.kind === 'plain') {
      return emptyDecision('passthrough', [
        `no Kubernetes Service ${host} with port ${String(request.port)}: a plain client connects to whatever the name resolves to`,
      ]);
    }
    return passthrough(graph, proxy, request, host, table);
  }
  const where =
    proxy.kind === 'gateway'
      ? `${proxy.gateway.id} on port ${String(request.port)}`
      : proxy.proxyId;
  return emptyDecision('no-route', [
    `no virtual host for ${host} on ${where}: Envoy answers 404 (NR)`,
  ]);
}
