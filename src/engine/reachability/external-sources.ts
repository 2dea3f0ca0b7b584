import { gatewayPortConfig, virtualHostNotes } from '../graph/routing/gateway-routes.js';
import type { GatewayInfo } from '../graph/types/gateway.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import type { WorkloadInfo } from '../graph/types/workload.js';
import { type TargetHit, tableHits } from './route-hits.js';

/**
 * What the outside world reaches through one Gateway on one of its proxies: every route of the
 * route configurations of the Gateway's servers (merged with other Gateways on shared HTTP ports,
 * R4/R5), delivered by the proxy (DestinationRules looked up from its namespace, R7).
 */
export function gatewayHits(
  graph: MeshGraph,
  gateway: GatewayInfo,
  proxy: WorkloadInfo,
  notes: Set<string>,
): TargetHit[] {
  const client = { namespace: proxy.namespace, labels: null };
  const hits: TargetHit[] = [];
  for (const port of new Set(gateway.servers.map((s) => s.port))) {
    const config = gatewayPortConfig(graph, gateway, proxy, port);
    if (config === null) {
      continue;
    }
    config.virtualHosts.flatMap(virtualHostNotes).forEach((n) => notes.add(n));
    const http = config.virtualHosts.flatMap((v) => v.routes);
    const streams = config.streams.flatMap((s) => s.routes);
    const traffic = config.traffic === 'http' || config.traffic === 'https' ? 'http' : 'tcp';
    hits.push(...tableHits(graph, client, { traffic, http, tcp: streams, tls: [] }));
  }
  return hits;
}
