import { hostsMatch, hostSubsetOf, isWildcardHost } from '../hosts/host-name.js';
import type { GatewayInfo, GatewayServer } from '../types/gateway.js';
import type { MeshGraph } from '../types/mesh-graph.js';
import type { WorkloadInfo } from '../types/workload.js';
import { creationNote, orderIsAssumed } from '../util/creation-order.js';
import {
  buildStreamEntries,
  buildVirtualHosts,
  gatewayResolver,
  type ServerTraffic,
  serverTraffic,
  type StreamEntry,
  type VirtualHostEntry,
} from './gateway-config.js';
import type { RouteTable } from './route-types.js';

export interface GatewayPortConfig {
  readonly traffic: ServerTraffic;
  readonly servers: readonly { readonly gateway: GatewayInfo; readonly server: GatewayServer }[];
  readonly virtualHosts: readonly VirtualHostEntry[];
  readonly streams: readonly StreamEntry[];
}

const cache = new WeakMap<MeshGraph, Map<string, GatewayPortConfig | null>>();

function serversOnPort(
  graph: MeshGraph,
  proxy: WorkloadInfo,
  port: number,
): { gateway: GatewayInfo; server: GatewayServer }[] {
  const gateways = [...(graph.gatewaysByProxy.get(proxy.id) ?? [])].sort(graph.compareCreation);
  return gateways.flatMap((gateway) =>
    gateway.servers
      .filter((s) => s.port === port && serverTraffic(s) === 'http')
      .map((server) => ({ gateway, server })),
  );
}

function build(
  graph: MeshGraph,
  gateway: GatewayInfo,
  proxy: WorkloadInfo,
  port: number,
): GatewayPortConfig | null {
  const own = gateway.servers.filter((s) => s.port === port);
  const first = own[0];
  if (first === undefined) {
    return null;
  }
  const traffic = serverTraffic(first);
  if (traffic === 'http' || traffic === 'https') {
    // Plain HTTP servers of every Gateway on this proxy share the `http.<port>` route (R4 merge).
    const servers =
      traffic === 'http'
        ? serversOnPort(graph, proxy, port)
        : own.filter((s) => serverTraffic(s) === 'https').map((server) => ({ gateway, server }));
    return {
      traffic,
      servers,
      virtualHosts: buildVirtualHosts(graph, proxy, servers),
      streams: [],
    };
  }
  const kind = traffic === 'tls' ? 'tls' : 'tcp';
  const servers = own
    .filter((s) => serverTraffic(s) === traffic)
    .map((server) => ({ gateway, server }));
  const streams = servers.flatMap((s) => buildStreamEntries(graph, proxy, gateway, s.server, kind));
  return { traffic, servers, virtualHosts: [], streams };
}

/** The route configuration a gateway proxy serves for traffic entering through `gateway` on `port` (cached). */
export function gatewayPortConfig(
  graph: MeshGraph,
  gateway: GatewayInfo,
  proxy: WorkloadInfo,
  port: number,
): GatewayPortConfig | null {
  let byKey = cache.get(graph);
  if (byKey === undefined) {
    byKey = new Map();
    cache.set(graph, byKey);
  }
  const key = `${gateway.id}|${proxy.id}|${String(port)}`;
  if (!byKey.has(key)) {
    byKey.set(key, build(graph, gateway, proxy, port));
  }
  return byKey.get(key) ?? null;
}

/** Envoy domain selection: exact domain, else the most specific wildcard covering the host. */
export function selectVirtualHost(
  entries: readonly VirtualHostEntry[],
  host: string,
): VirtualHostEntry | null {
  return (
    entries.find(
      (e) => e.domain === host || (isWildcardHost(e.domain) && hostSubsetOf(host, e.domain)),
    ) ?? null
  );
}

/** R5/R12 notes of a gateway virtual host that merges several VirtualServices. */
export function virtualHostNotes(entry: VirtualHostEntry): string[] {
  if (entry.virtualServices.length < 2) {
    return [];
  }
  const ids = entry.virtualServices.map((vs) => vs.id).join(', ');
  const notes = [
    `R5: the gateway merges ${ids} for ${entry.domain} (tier, then creation order; catch-all routes last)`,
  ];
  return orderIsAssumed(entry.virtualServices)
    ? [...notes, creationNote(`route order for ${entry.domain}`, entry.virtualServices)]
    : notes;
}

function httpTable(config: GatewayPortConfig, common: TableBase, host: string): RouteTable {
  const entry = selectVirtualHost(config.virtualHosts, host);
  if (entry === null) {
    return {
      ...common,
      status: 'no-route',
      traffic: 'http',
      virtualHost: null,
      virtualServices: [],
    };
  }
  return {
    ...common,
    status: 'routed',
    traffic: 'http',
    virtualHost: entry.domain,
    virtualServices: entry.virtualServices.map((vs) => vs.id),
    http: entry.routes,
    notes: [...common.notes, ...virtualHostNotes(entry)],
  };
}

function streamTable(config: GatewayPortConfig, common: TableBase, host: string): RouteTable {
  const streams =
    config.traffic === 'tcp'
      ? config.streams
      : config.streams.filter((s) => s.hosts.some((h) => hostsMatch(h, host)));
  const routes = streams.flatMap((s) => s.routes);
  return {
    ...common,
    status: routes.length === 0 ? 'no-route' : 'routed',
    traffic: config.traffic === 'tls' ? 'tls' : 'tcp',
    virtualHost: null,
    virtualServices: streams.map((s) => s.virtualService.id),
    tcp: config.traffic === 'tcp' ? routes : [],
    tls: config.traffic === 'tls' ? routes : [],
  };
}

type TableBase = Pick<
  RouteTable,
  'host' | 'port' | 'proxy' | 'service' | 'http' | 'tcp' | 'tls' | 'notes'
>;

/** R4/R5 — the routes a request for `host` entering `gateway` on `port` meets on `proxy`. */
export function gatewayRoutes(
  graph: MeshGraph,
  gateway: GatewayInfo,
  proxy: WorkloadInfo,
  host: string,
  port: number,
): RouteTable {
  const config = gatewayPortConfig(graph, gateway, proxy, port);
  const common: TableBase = {
    host,
    port,
    proxy: `${gateway.id}@${proxy.id}`,
    service: gatewayResolver(graph, proxy)(host),
    http: [],
    tcp: [],
    tls: [],
    notes: proxy.isAssumed ? [...proxy.notes] : [],
  };
  if (config === null) {
    const notes = [...common.notes, `${gateway.id} has no server on port ${String(port)}`];
    return {
      ...common,
      status: 'no-route',
      traffic: 'http',
      virtualHost: null,
      virtualServices: [],
      notes,
    };
  }
  return config.traffic === 'http' || config.traffic === 'https'
    ? httpTable(config, common, host)
    : streamTable(config, common, host);
}
