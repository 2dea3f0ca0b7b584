import { compareSpecificity, hostSubsetOf, isWildcardHost } from '../graph/hosts/host-name.js';
import { gatewayRoutes } from '../graph/routing/gateway-routes.js';
import type { RouteTable } from '../graph/routing/route-types.js';
import { canonicalHost, routesForProxy } from '../graph/routing/routes-for.js';
import { sidecarRoutes } from '../graph/routing/sidecar-routes.js';
import type { SidecarView } from '../graph/routing/sidecar-view.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import type { SimulationProxy } from './simulate-source.js';

const wildcardHosts = new WeakMap<MeshGraph, readonly string[]>();

/** Wildcard registry hostnames (ServiceEntry `*.foo.com`), most specific first; cached per graph. */
function registryWildcards(graph: MeshGraph): readonly string[] {
  let found = wildcardHosts.get(graph);
  if (found === undefined) {
    found = [...graph.services.byHost.keys()].filter(isWildcardHost).sort(compareSpecificity);
    wildcardHosts.set(graph, found);
  }
  return found;
}

/**
 * A concrete host that is not itself a registry key can still belong to a wildcard ServiceEntry
 * host (`a.foo.com` under `*.foo.com`): the sidecar's virtual host for the service lists the
 * wildcard domain, and Envoy picks the most specific wildcard (R1 `MostSpecificHostMatch`).
 */
function wildcardServiceHost(graph: MeshGraph, view: SidecarView, host: string): string | null {
  if (view.resolveService(host) !== null) {
    return null;
  }
  for (const wildcard of registryWildcards(graph)) {
    if (hostSubsetOf(host, wildcard) && view.resolveService(wildcard) !== null) {
      return wildcard;
    }
  }
  return null;
}

export interface ProxyRoutes {
  readonly table: RouteTable;
  /** The host as the proxy resolved it (FQDN for sidecars and plain clients). */
  readonly resolvedHost: string;
  readonly notes: readonly string[];
}

/** The route table the source's proxy programs for `host:port` (graph routing, SEMANTICS R1–R11). */
export function routeTableFor(
  graph: MeshGraph,
  proxy: SimulationProxy,
  host: string,
  port: number,
): ProxyRoutes {
  switch (proxy.kind) {
    case 'gateway':
      return {
        table: gatewayRoutes(graph, proxy.gateway, proxy.workload, host, port),
        resolvedHost: host,
        notes: [],
      };
    case 'plain': {
      const table = routesForProxy(
        graph,
        {
          kind: 'plain',
          id: proxy.proxyId,
          namespace: proxy.namespace,
          labels: proxy.labels,
          workload: proxy.workload,
        },
        host,
        port,
      );
      return { table, resolvedHost: table.host, notes: [] };
    }
    case 'sidecar': {
      const fqdn = canonicalHost(graph, proxy.namespace, host);
      const wildcard = wildcardServiceHost(graph, proxy.view, fqdn);
      const sidecar = { id: proxy.proxyId, view: proxy.view, labels: proxy.labels };
      if (wildcard === null) {
        return { table: sidecarRoutes(sidecar, fqdn, port), resolvedHost: fqdn, notes: [] };
      }
      return {
        table: sidecarRoutes(sidecar, wildcard, port),
        resolvedHost: fqdn,
        notes: [`${fqdn} is served by the wildcard registry host ${wildcard} (R1)`],
      };
    }
  }
}
