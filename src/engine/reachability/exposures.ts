import { intersectHosts } from '../graph/hosts/host-name.js';
import {
  gatewayResolver,
  gatewaySource,
  serverHostsFor,
  serverTraffic,
} from '../graph/routing/gateway-config.js';
import { buildHttpRoutes } from '../graph/routing/http-routes.js';
import { buildStreamRoutes } from '../graph/routing/stream-routes.js';
import type { GatewayInfo, GatewayServer } from '../graph/types/gateway.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import type { VirtualServiceInfo } from '../graph/types/virtual-service.js';
import type { WorkloadInfo } from '../graph/types/workload.js';
import { compareStrings } from '../graph/util/compare.js';
import type { Exposure } from './reachability-types.js';

function routesSomething(
  graph: MeshGraph,
  gateway: GatewayInfo,
  proxy: WorkloadInfo,
  server: GatewayServer,
  vs: VirtualServiceInfo,
): boolean {
  const source = gatewaySource(gateway, proxy);
  const resolve = gatewayResolver(graph, proxy);
  switch (serverTraffic(server)) {
    case 'http':
    case 'https':
      return buildHttpRoutes(vs, source, server.port, resolve).length > 0;
    case 'tls':
      return buildStreamRoutes(vs, 'tls', source, server.port, resolve).length > 0;
    case 'tcp':
      return buildStreamRoutes(vs, 'tcp', source, server.port, resolve).length > 0;
  }
}

/**
 * SEMANTICS §0 "Exposures": (Gateway, host, port) triples a Gateway serves (some proxy runs it)
 * and a bound VirtualService — exported to the proxy's namespace (R3) — routes; the host is the
 * narrower of the server host and the VS host (R4 `Intersection`).
 */
export function gatewayExposures(graph: MeshGraph, gateway: GatewayInfo): Exposure[] {
  const seen = new Map<string, Exposure>();
  const proxies = gateway.proxies
    .map((id) => graph.workloadsById.get(id))
    .filter((w): w is WorkloadInfo => w !== undefined);
  const byNamespace = new Map(proxies.map((p) => [p.namespace, p]));
  for (const proxy of byNamespace.values()) {
    for (const server of gateway.servers) {
      for (const vs of graph.virtualServices.forGateway(proxy.namespace, gateway.id)) {
        const hosts = intersectHosts(serverHostsFor(server, vs.namespace), vs.hosts);
        if (hosts.length === 0 || !routesSomething(graph, gateway, proxy, server, vs)) {
          continue;
        }
        for (const host of hosts) {
          const exposure = {
            gateway: gateway.id,
            host,
            port: server.port,
            protocol: server.protocol,
          };
          seen.set(`${host}|${String(server.port)}|${server.protocol}`, exposure);
        }
      }
    }
  }
  return [...seen.values()];
}

export function compareExposures(a: Exposure, b: Exposure): number {
  return (
    compareStrings(a.gateway, b.gateway) ||
    compareStrings(a.host, b.host) ||
    a.port - b.port ||
    compareStrings(a.protocol, b.protocol)
  );
}
