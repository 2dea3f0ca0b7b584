import type {
  DestinationRuleInfo,
  EffectiveHttpRoute,
  EffectiveStreamRoute,
  GatewayInfo,
  MeshGraph,
  Reachability,
  RouteTable,
  ServiceInfo,
  VirtualServiceInfo,
  WorkloadInfo,
} from '../../engine/index.js';
import type {
  MeshDestinationRule,
  MeshGateway,
  MeshService,
  MeshVirtualService,
  MeshWorkload,
  RouteTableView,
  RouteView,
} from './models/graph.model.js';

function exportList(value: { readonly raw: readonly string[] }): string[] {
  return [...value.raw];
}

export function toMeshService(graph: MeshGraph, s: ServiceInfo): MeshService {
  return {
    kind: s.kind,
    namespace: s.namespace,
    name: s.name,
    hostname: s.hostname,
    ports: s.ports.map((p) => ({ number: p.number, name: p.name, protocol: p.protocol })),
    selector: s.selector,
    exportTo: exportList(s.exportTo),
    addresses: [...s.addresses],
    resolution: s.resolution,
    location: s.location,
    workloads: (graph.services.endpoints.get(s.uid) ?? []).map((w) => w.id).sort(),
  };
}

export function toMeshWorkload(reach: Reachability, w: WorkloadInfo): MeshWorkload {
  return {
    id: w.id,
    kind: w.kind,
    namespace: w.namespace,
    name: w.name,
    labels: w.labels,
    serviceAccount: w.serviceAccount,
    identity: w.identity,
    inMesh: w.inMesh,
    inMeshReason: w.inMeshReason,
    isGatewayProxy: w.isGatewayProxy,
    isAssumed: w.isAssumed,
    isReachable: reach.reachable.includes(w.id),
  };
}

export function toMeshGateway(reach: Reachability, g: GatewayInfo): MeshGateway {
  return {
    id: g.id,
    selector: g.selector,
    proxies: [...g.proxies],
    servers: g.servers.map((s) => ({
      port: s.port,
      protocol: s.protocol,
      hosts: s.hosts.map((h) => `${h.namespace}/${h.host}`),
      tlsMode: s.tlsMode,
    })),
    exposures: reach.exposures.filter((e) => e.gateway === g.id).map((e) => ({ ...e })),
    notes: [...g.notes],
  };
}

export function toMeshVirtualService(vs: VirtualServiceInfo): MeshVirtualService {
  return {
    id: vs.id,
    hosts: [...vs.hosts],
    gateways: [...vs.gateways],
    exportTo: exportList(vs.exportTo),
    isDelegate: vs.isDelegate,
    httpRules: vs.http.length,
    tcpRules: vs.tcp.length,
    tlsRules: vs.tls.length,
  };
}

export function toMeshDestinationRule(dr: DestinationRuleInfo): MeshDestinationRule {
  return {
    id: dr.id,
    host: dr.host,
    exportTo: exportList(dr.exportTo),
    subsets: dr.subsets.map((s) => s.name),
    trafficPolicy: dr.trafficPolicy,
  };
}

function toRouteView(route: EffectiveHttpRoute | EffectiveStreamRoute): RouteView {
  const http = 'rewrite' in route ? route : null;
  return {
    ref: route.ref,
    name: http?.name ?? null,
    matches: route.matches.map((m) => m.raw),
    destinations: route.destinations.map((d) => ({
      host: d.host,
      subset: d.subset,
      port: d.port,
      weight: d.weight,
    })),
    policies:
      http === null
        ? null
        : {
            rewrite: http.rewrite,
            redirect: http.redirect,
            directResponse: http.directResponse,
            fault: http.fault,
            retries: http.retries,
            timeout: http.timeout,
            headers: http.headers,
            corsPolicy: http.corsPolicy,
          },
  };
}

export function toRouteTableView(table: RouteTable): RouteTableView {
  return {
    proxy: table.proxy,
    host: table.host,
    port: table.port,
    status: table.status,
    virtualServices: [...table.virtualServices],
    http: table.http.map(toRouteView),
    tcp: table.tcp.map(toRouteView),
    tls: table.tls.map(toRouteView),
    notes: [...table.notes],
  };
}
