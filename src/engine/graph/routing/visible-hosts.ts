import type { MeshGraph } from '../types/mesh-graph.js';
import type { ServiceInfo } from '../types/service.js';
import { compareStrings } from '../util/compare.js';
import { gatewayPortConfig } from './gateway-routes.js';
import { type ResolvedProxy, resolveProxy } from './proxy.js';
import type { ProxyContext } from './route-types.js';

export interface VisibleHost {
  readonly host: string;
  /** The registry entry behind it; null for VirtualService-only or gateway wildcard hosts. */
  readonly service: ServiceInfo | null;
  readonly ports: readonly number[];
  /** Sidecars: the VirtualService that claims the host (R5), if any. */
  readonly virtualService: string | null;
}

function sidecarHosts(proxy: Extract<ResolvedProxy, { kind: 'sidecar' }>): VisibleHost[] {
  const out: VisibleHost[] = proxy.view.visibleServices().map((service) => ({
    host: service.hostname,
    service,
    ports: service.ports.map((p) => p.number),
    virtualService: proxy.view.claim(service.hostname, true)?.winner.id ?? null,
  }));
  for (const host of proxy.view.virtualServiceOnlyHosts()) {
    out.push({
      host,
      service: null,
      ports: [80],
      virtualService: proxy.view.claim(host, false)?.winner.id ?? null,
    });
  }
  return out;
}

function gatewayHosts(
  graph: MeshGraph,
  proxy: Extract<ResolvedProxy, { kind: 'gateway' }>,
): VisibleHost[] {
  const byHost = new Map<string, Set<number>>();
  for (const server of proxy.gateway.servers) {
    const config = gatewayPortConfig(graph, proxy.gateway, proxy.workload, server.port);
    const hosts = [
      ...(config?.virtualHosts.map((v) => v.domain) ?? []),
      ...(config?.streams.flatMap((s) => s.hosts) ?? []),
    ];
    for (const host of hosts) {
      const ports = byHost.get(host) ?? new Set<number>();
      ports.add(server.port);
      byHost.set(host, ports);
    }
  }
  return [...byHost.entries()].map(([host, ports]) => ({
    host,
    service: null,
    ports: [...ports].sort((a, b) => a - b),
    virtualService: null,
  }));
}

/**
 * Hosts a proxy can address: for sidecars the services exported to its namespace (R3) and imported
 * by its Sidecar (R8) plus VirtualService-only hosts (port 80); for a gateway, the virtual hosts of
 * its servers; for a plain client every Kubernetes Service. Sorted by host.
 */
export function visibleHosts(graph: MeshGraph, context: ProxyContext): VisibleHost[] {
  const proxy = resolveProxy(graph, context);
  let hosts: VisibleHost[] = [];
  switch (proxy.kind) {
    case 'sidecar':
      hosts = sidecarHosts(proxy);
      break;
    case 'gateway':
      hosts = gatewayHosts(graph, proxy);
      break;
    case 'plain':
      hosts = graph.services.all
        .filter((s) => s.kind === 'Service')
        .map((service) => ({
          host: service.hostname,
          service,
          ports: service.ports.map((p) => p.number),
          virtualService: null,
        }));
      break;
    case 'invalid':
      break;
  }
  return hosts.sort((a, b) => compareStrings(a.host, b.host));
}
