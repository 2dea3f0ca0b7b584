import { normalizeHost } from '../hosts/host-name.js';
import { findPort } from '../services/service-registry.js';
import type { MeshGraph } from '../types/mesh-graph.js';
import type { ServiceInfo } from '../types/service.js';
import { defaultDestination } from './destinations.js';
import { gatewayRoutes } from './gateway-routes.js';
import { type ResolvedProxy, resolveProxy } from './proxy.js';
import type { EffectiveStreamRoute, ProxyContext, RouteTable } from './route-types.js';
import { sidecarRoutes } from './sidecar-routes.js';

/** `:authority` may carry a port (`reviews:9080`); hosts never contain `:` otherwise (IPv6 aside). */
function stripPort(host: string): string {
  const match = /^([^:]+):\d+$/.exec(host);
  return match?.[1] ?? host;
}

/**
 * Kubernetes DNS search path for the client namespace: `reviews` → `reviews.<ns>.svc.<domain>`,
 * `reviews.prod` → `reviews.prod.svc.<domain>` when that service exists.
 */
export function canonicalHost(graph: MeshGraph, namespace: string, host: string): string {
  const name = stripPort(normalizeHost(host));
  if (graph.services.byHost.has(name) || name === '*' || name.startsWith('*.')) {
    return name;
  }
  const candidates = [
    `${name}.${namespace}.svc.${graph.clusterDomain}`,
    `${name}.svc.${graph.clusterDomain}`,
    `${name}.${graph.clusterDomain}`,
  ];
  const dots = name.split('.').length - 1;
  const found = candidates.slice(dots === 0 ? 0 : 1).find((c) => graph.services.byHost.has(c));
  return found ?? name;
}

function emptyTable(id: string, host: string, port: number, note: string): RouteTable {
  return {
    host,
    port,
    proxy: id,
    status: 'no-route',
    traffic: 'auto',
    service: null,
    virtualHost: null,
    virtualServices: [],
    http: [],
    tcp: [],
    tls: [],
    notes: [note],
  };
}

/** A plain (non-mesh) client: kube-proxy spreads over the Service's endpoints, no VirtualService applies. */
function plainRoutes(graph: MeshGraph, proxyId: string, host: string, port: number): RouteTable {
  const service: ServiceInfo | undefined = (graph.services.byHost.get(host) ?? []).find(
    (s) => s.kind === 'Service',
  );
  const servicePort = service === undefined ? null : findPort(service, port);
  const notes = [
    'plain client (no sidecar): kube-proxy to the Service endpoints, no VirtualService, plaintext',
  ];
  if (service === undefined || servicePort === null) {
    return { ...emptyTable(proxyId, host, port, notes[0] ?? ''), status: 'passthrough' };
  }
  const route: EffectiveStreamRoute = {
    ref: 'default',
    rule: 'default',
    virtualService: null,
    matches: [],
    destinations: [defaultDestination(service, port)],
  };
  return {
    host,
    port,
    proxy: proxyId,
    status: 'default',
    traffic: 'tcp',
    service,
    virtualHost: null,
    virtualServices: [],
    http: [],
    tcp: [route],
    tls: [],
    notes,
  };
}

export function routesForProxy(
  graph: MeshGraph,
  proxy: ResolvedProxy,
  host: string,
  port: number,
): RouteTable {
  switch (proxy.kind) {
    case 'invalid':
      return emptyTable(proxy.id, host, port, proxy.reason);
    case 'plain':
      return plainRoutes(graph, proxy.id, canonicalHost(graph, proxy.namespace, host), port);
    case 'gateway':
      return gatewayRoutes(
        graph,
        proxy.gateway,
        proxy.workload,
        stripPort(normalizeHost(host)),
        port,
      );
    case 'sidecar':
      return sidecarRoutes(
        { id: proxy.id, view: proxy.view, labels: proxy.labels },
        canonicalHost(graph, proxy.namespace, host),
        port,
      );
  }
}

/**
 * The ordered HTTP/TCP/TLS routes istiod programs on a proxy for `host:port` — after delegate
 * expansion (R6), gateway merge or sidecar first-wins (R5), catch-all truncation, short-name
 * expansion (R2) and R11 weights/ports. Short hosts are qualified with the client namespace.
 */
export function routesFor(
  graph: MeshGraph,
  context: ProxyContext,
  host: string,
  port: number,
): RouteTable {
  return routesForProxy(graph, resolveProxy(graph, context), host, port);
}
