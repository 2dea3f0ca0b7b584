import { compareSpecificity, intersectHosts } from '../hosts/host-name.js';
import { pickService } from '../services/service-registry.js';
import type { GatewayInfo, GatewayServer } from '../types/gateway.js';
import type { MeshGraph } from '../types/mesh-graph.js';
import type { ServiceInfo } from '../types/service.js';
import type { VirtualServiceInfo } from '../types/virtual-service.js';
import type { WorkloadInfo } from '../types/workload.js';
import type { ServiceResolver } from './destinations.js';
import { buildHttpRoutes, type RouteSource } from './http-routes.js';
import type { EffectiveHttpRoute, EffectiveStreamRoute } from './route-types.js';
import { buildStreamRoutes } from './stream-routes.js';

export type ServerTraffic = 'http' | 'https' | 'tls' | 'tcp';

const TERMINATING = new Set(['SIMPLE', 'MUTUAL', 'ISTIO_MUTUAL', 'OPTIONAL_MUTUAL']);
const HTTP_PROTOCOLS: ReadonlySet<string> = new Set(['HTTP', 'HTTP2', 'GRPC', 'GRPC-WEB']);

/** How a gateway server handles connections: HTTP routes, per-server HTTPS routes, SNI or TCP routes. */
export function serverTraffic(server: GatewayServer): ServerTraffic {
  const terminates = server.tlsMode !== null && TERMINATING.has(server.tlsMode);
  if (HTTP_PROTOCOLS.has(server.protocol)) {
    return 'http';
  }
  if (server.protocol === 'HTTPS') {
    return terminates ? 'https' : 'tls';
  }
  if (server.protocol === 'TLS') {
    return terminates ? 'tcp' : 'tls';
  }
  return 'tcp';
}

/** R4 — `host.NamesForNamespace(server.Hosts, vs.Namespace)` (P/networking/core/gateway.go). */
export function serverHostsFor(server: GatewayServer, vsNamespace: string): string[] {
  return server.hosts
    .filter((h) => h.namespace === '*' || h.namespace === vsNamespace)
    .map((h) => h.host);
}

export function gatewayResolver(graph: MeshGraph, proxy: WorkloadInfo): ServiceResolver {
  return (host: string): ServiceInfo | null =>
    pickService(graph.services.byHost.get(host) ?? [], proxy.namespace);
}

export function gatewaySource(gateway: GatewayInfo, proxy: WorkloadInfo): RouteSource {
  return { gatewayNames: new Set([gateway.id]), labels: proxy.labels, namespace: proxy.namespace };
}

export interface VirtualHostEntry {
  readonly domain: string;
  readonly routes: EffectiveHttpRoute[];
  readonly virtualServices: VirtualServiceInfo[];
}

/**
 * R5 — `SortVHostRoutes`: catch-all routes move to the end of a gateway virtual host. A rule
 * whose last applying match is catch-all is split: its other matches keep their place.
 */
function sortVirtualHostRoutes(routes: readonly EffectiveHttpRoute[]): EffectiveHttpRoute[] {
  const head: EffectiveHttpRoute[] = [];
  const tail: EffectiveHttpRoute[] = [];
  for (const route of routes) {
    if (!route.isCatchAll) {
      head.push(route);
    } else if (route.matches.length > 1) {
      head.push({ ...route, matches: route.matches.slice(0, -1), isCatchAll: false });
      tail.push({ ...route, matches: route.matches.slice(-1) });
    } else {
      tail.push(route);
    }
  }
  return [...head, ...tail];
}

/**
 * R4/R5 — HTTP virtual hosts of one gateway route configuration (`buildGatewayHTTPRouteConfig`,
 * P/networking/core/gateway.go): for every server, the VirtualServices bound to its Gateway and
 * exported to the proxy's namespace (R3), hosts = Intersection(server hosts for the VS namespace,
 * VS hosts); routes of every VS for a domain are appended in tier/age order, then catch-alls last.
 */
export function buildVirtualHosts(
  graph: MeshGraph,
  proxy: WorkloadInfo,
  servers: readonly { readonly gateway: GatewayInfo; readonly server: GatewayServer }[],
): VirtualHostEntry[] {
  const resolve = gatewayResolver(graph, proxy);
  const byDomain = new Map<string, VirtualHostEntry>();
  for (const { gateway, server } of servers) {
    const source = gatewaySource(gateway, proxy);
    for (const vs of graph.virtualServices.forGateway(proxy.namespace, gateway.id)) {
      const hosts = intersectHosts(serverHostsFor(server, vs.namespace), vs.hosts);
      const routes = hosts.length === 0 ? [] : buildHttpRoutes(vs, source, server.port, resolve);
      for (const domain of routes.length === 0 ? [] : hosts) {
        let entry = byDomain.get(domain);
        if (entry === undefined) {
          entry = { domain, routes: [], virtualServices: [] };
          byDomain.set(domain, entry);
        }
        entry.routes.push(...routes);
        if (!entry.virtualServices.includes(vs)) {
          entry.virtualServices.push(vs);
        }
      }
    }
  }
  return [...byDomain.values()]
    .map((entry) => ({ ...entry, routes: sortVirtualHostRoutes(entry.routes) }))
    .sort((a, b) => compareSpecificity(a.domain, b.domain));
}

export interface StreamEntry {
  readonly hosts: readonly string[];
  readonly virtualService: VirtualServiceInfo;
  readonly routes: readonly EffectiveStreamRoute[];
}

/** TCP/TLS routes of VirtualServices bound to one TCP / TLS-passthrough server. */
export function buildStreamEntries(
  graph: MeshGraph,
  proxy: WorkloadInfo,
  gateway: GatewayInfo,
  server: GatewayServer,
  kind: 'tcp' | 'tls',
): StreamEntry[] {
  const resolve = gatewayResolver(graph, proxy);
  const source = gatewaySource(gateway, proxy);
  const out: StreamEntry[] = [];
  for (const vs of graph.virtualServices.forGateway(proxy.namespace, gateway.id)) {
    const hosts = intersectHosts(serverHostsFor(server, vs.namespace), vs.hosts);
    const routes =
      hosts.length === 0 ? [] : buildStreamRoutes(vs, kind, source, server.port, resolve);
    if (routes.length > 0) {
      out.push({ hosts, virtualService: vs, routes });
    }
  }
  return out;
}
