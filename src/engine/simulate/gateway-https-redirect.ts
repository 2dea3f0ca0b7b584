import { hostsMatch } from '../graph/hosts/host-name.js';
import type { GatewayInfo } from '../graph/types/gateway.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import { isJsonObject, type JsonObject } from '../model/json.js';
import { resourceId } from '../model/resource.js';

const gatewayBodies = new WeakMap<MeshGraph, ReadonlyMap<string, JsonObject>>();

function bodies(graph: MeshGraph): ReadonlyMap<string, JsonObject> {
  let found = gatewayBodies.get(graph);
  if (found === undefined) {
    const map = new Map<string, JsonObject>();
    for (const resource of graph.resources) {
      if (resource.key.kind === 'Gateway' && resource.key.group === 'networking.istio.io') {
        map.set(resourceId(resource.key), resource.body);
      }
    }
    found = map;
    gatewayBodies.set(graph, found);
  }
  return found;
}

function serverSpec(body: JsonObject | undefined, index: number): JsonObject | null {
  const spec = body?.['spec'];
  const servers = isJsonObject(spec) ? spec['servers'] : undefined;
  const server = Array.isArray(servers) ? servers[index] : undefined;
  return isJsonObject(server) ? server : null;
}

/**
 * Gateway `tls.httpsRedirect: true` on a plain HTTP server: Envoy's virtual host requires TLS and
 * answers every plain-HTTP request with a 301 to https before any route is matched
 * (API networking/v1alpha3/gateway.proto `ServerTLSSettings.httpsRedirect`). Returns the id of the
 * server that redirects, or null.
 */
export function httpsRedirectServer(
  graph: MeshGraph,
  gateway: GatewayInfo,
  host: string,
  port: number,
): string | null {
  const body = bodies(graph).get(resourceId(gateway.key));
  for (const server of gateway.servers) {
    if (server.port !== port || !server.hosts.some((h) => hostsMatch(h.host, host))) {
      continue;
    }
    const tls = serverSpec(body, server.index)?.['tls'];
    if (isJsonObject(tls) && tls['httpsRedirect'] === true) {
      return `${gateway.id} servers[${String(server.index)}]`;
    }
  }
  return null;
}
