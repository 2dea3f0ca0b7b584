import type { JsonObject, JsonValue, MeshGraph, Reachability } from '../../engine/index.js';

type ServiceInfo = MeshGraph['services']['all'][number];
type WorkloadInfo = MeshGraph['workloads'][number];
type GatewayInfo = MeshGraph['gateways'][number];
type VirtualServiceInfo = MeshGraph['virtualServices']['all'][number];
type RouteRule = VirtualServiceInfo['http'][number] | VirtualServiceInfo['tcp'][number];
type DestinationRuleInfo = MeshGraph['destinationRules']['rules'][number];

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byId<T extends { readonly id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareText(a.id, b.id));
}

function serviceJson(graph: MeshGraph, s: ServiceInfo): JsonObject {
  return {
    host: s.hostname,
    kind: s.kind,
    namespace: s.namespace,
    name: s.name,
    ports: s.ports.map((p) => ({ number: p.number, name: p.name, protocol: p.protocol })),
    exportTo: [...s.exportTo.raw],
    location: s.location,
    resolution: s.resolution,
    addresses: [...s.addresses],
    workloads: (graph.services.endpoints.get(s.uid) ?? []).map((w) => w.id),
    assumed: s.isAssumed,
  };
}

function workloadJson(w: WorkloadInfo): JsonObject {
  return {
    id: w.id,
    kind: w.kind,
    labels: { ...w.labels },
    serviceAccount: w.serviceAccount,
    identity: w.identity,
    inMesh: w.inMesh,
    inMeshReason: w.inMeshReason,
    gatewayProxy: w.isGatewayProxy,
    assumed: w.isAssumed,
  };
}

function gatewayJson(g: GatewayInfo, reachability: Reachability): JsonObject {
  return {
    id: g.id,
    selector: g.selector === null ? null : { ...g.selector },
    proxies: [...g.proxies],
    servers: g.servers.map((s) => ({
      port: s.port,
      protocol: s.protocol,
      hosts: s.hosts.map((h) => `${h.namespace}/${h.host}`),
      tlsMode: s.tlsMode,
    })),
    exposures: reachability.exposures
      .filter((e) => e.gateway === g.id)
      .map((e) => ({ host: e.host, port: e.port, protocol: e.protocol })),
  };
}

function ruleJson(rule: RouteRule): JsonObject {
  const delegate = 'delegate' in rule && rule.delegate !== null ? { ...rule.delegate } : null;
  return {
    rule: rule.rule,
    name: 'name' in rule ? rule.name : null,
    delegate,
    matches: rule.matches.map((m) => m.raw),
    destinations: rule.destinations.map((d) => ({
      host: d.host,
      subset: d.subset,
      port: d.port,
      weight: d.weight,
    })),
  };
}

function virtualServiceJson(vs: VirtualServiceInfo): JsonObject {
  return {
    id: vs.id,
    hosts: [...vs.hosts],
    gateways: [...vs.gateways],
    exportTo: [...vs.exportTo.raw],
    delegate: vs.isDelegate,
    http: vs.http.map(ruleJson),
    tcp: vs.tcp.map(ruleJson),
    tls: vs.tls.map(ruleJson),
    notes: [...vs.notes],
  };
}

function destinationRuleJson(dr: DestinationRuleInfo): JsonObject {
  return {
    id: dr.id,
    host: dr.host,
    exportTo: [...dr.exportTo.raw],
    selector: dr.selector === null ? null : { ...dr.selector },
    subsets: dr.subsets.map((s) => ({ name: s.name, labels: { ...s.labels } })),
    trafficPolicy: dr.trafficPolicy,
  };
}

function reachabilityJson(reachability: Reachability): JsonObject {
  const edges: JsonValue[] = [];
  for (const source of reachability.sources) {
    for (const edge of source.edges.edges) {
      if (edge.to !== source.id) {
        edges.push({ from: source.id, ...edge });
      }
    }
  }
  return {
    edges,
    reachable: [...reachability.reachable],
    unreachable: [...reachability.unreachable],
  };
}

/**
 * `meshlens graph --format json`: the resolved graph of one snapshot — services (hosts), workloads,
 * gateways with their servers and exposures, VirtualServices (delegates merged), DestinationRules
 * and the reachability edges. Every list is sorted, so the same input gives the same bytes.
 */
export function buildGraphDocument(graph: MeshGraph, reachability: Reachability): JsonObject {
  const m = graph.meshConfig;
  return {
    schemaVersion: 1,
    meshConfig: {
      rootNamespace: m.rootNamespace,
      trustDomain: m.trustDomain,
      outboundTrafficPolicy: m.outboundTrafficPolicy,
      enableAutoMtls: m.enableAutoMtls,
      source: m.source,
    },
    services: graph.services.all.map((s) => serviceJson(graph, s)),
    workloads: byId(graph.workloads).map(workloadJson),
    gateways: byId(graph.gateways).map((g) => gatewayJson(g, reachability)),
    virtualServices: byId(graph.virtualServices.all).map(virtualServiceJson),
    destinationRules: byId(graph.destinationRules.rules).map(destinationRuleJson),
    reachability: reachabilityJson(reachability),
    notes: [...reachability.notes],
  };
}
