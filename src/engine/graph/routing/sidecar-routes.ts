import { MESH_GATEWAY } from '../hosts/short-name.js';
import { findPort } from '../services/service-registry.js';
import type { ServiceInfo, ServicePort } from '../types/service.js';
import type { VirtualServiceInfo } from '../types/virtual-service.js';
import { creationNote, orderIsAssumed } from '../util/creation-order.js';
import type { Labels } from '../util/labels.js';
import { defaultDestination } from './destinations.js';
import { buildHttpRoutes, type RouteSource } from './http-routes.js';
import type { EffectiveHttpRoute, EffectiveStreamRoute, RouteTable } from './route-types.js';
import type { HostClaim, SidecarView } from './sidecar-view.js';
import { buildStreamRoutes } from './stream-routes.js';

export interface SidecarProxy {
  readonly id: string;
  readonly view: SidecarView;
  readonly labels: Labels;
}

function base(
  proxy: SidecarProxy,
  host: string,
  port: number,
): Omit<RouteTable, 'status' | 'traffic' | 'service'> {
  return {
    host,
    port,
    proxy: proxy.id,
    virtualHost: null,
    virtualServices: [],
    http: [],
    tcp: [],
    tls: [],
    notes: [...proxy.view.scope.notes],
  };
}

function claimNotes(claim: HostClaim, host: string): string[] {
  if (claim.contenders.length < 2) {
    return [];
  }
  const ids = claim.contenders.map((vs) => vs.id).join(', ');
  const notes = [
    `R5: sidecars do not merge VirtualServices: ${claim.winner.id} keeps ${host} (first of ${ids})`,
  ];
  if (orderIsAssumed(claim.contenders)) {
    notes.push(creationNote(`the VirtualService kept for ${host}`, claim.contenders));
  }
  return notes;
}

function defaultHttp(service: ServiceInfo, port: number): EffectiveHttpRoute {
  return {
    ref: 'default',
    rule: 'default',
    virtualService: null,
    delegate: null,
    name: null,
    matches: [],
    isCatchAll: true,
    destinations: [defaultDestination(service, port)],
    mirrors: [],
    rewrite: null,
    redirect: null,
    directResponse: null,
    fault: null,
    retries: null,
    timeout: null,
    headers: null,
    corsPolicy: null,
    spec: {},
  };
}

function defaultStream(service: ServiceInfo, port: number): EffectiveStreamRoute {
  return {
    ref: 'default',
    rule: 'default',
    virtualService: null,
    matches: [],
    destinations: [defaultDestination(service, port)],
  };
}

function vsRoutes(
  proxy: SidecarProxy,
  vs: VirtualServiceInfo,
  servicePort: ServicePort | null,
  port: number,
): { http: EffectiveHttpRoute[]; tcp: EffectiveStreamRoute[]; tls: EffectiveStreamRoute[] } {
  const source: RouteSource = {
    gatewayNames: new Set([MESH_GATEWAY]),
    labels: proxy.labels,
    namespace: proxy.view.scope.namespace,
  };
  const resolve = (h: string): ServiceInfo | null => proxy.view.resolveService(h);
  const traffic = servicePort?.traffic ?? 'http';
  const wantsHttp = traffic === 'http' || traffic === 'auto';
  return {
    http: wantsHttp ? buildHttpRoutes(vs, source, port, resolve) : [],
    tcp:
      traffic === 'tcp' || traffic === 'auto'
        ? buildStreamRoutes(vs, 'tcp', source, port, resolve)
        : [],
    tls: traffic === 'tls' ? buildStreamRoutes(vs, 'tls', source, port, resolve) : [],
  };
}

function forService(
  proxy: SidecarProxy,
  host: string,
  service: ServiceInfo,
  servicePort: ServicePort,
): RouteTable {
  const port = servicePort.number;
  const common = { ...base(proxy, host, port), service, traffic: servicePort.traffic };
  const claim = proxy.view.claim(host, true);
  const routes = claim === null ? null : vsRoutes(proxy, claim.winner, servicePort, port);
  if (
    claim === null ||
    routes === null ||
    routes.http.length + routes.tcp.length + routes.tls.length === 0
  ) {
    const notes =
      claim === null
        ? common.notes
        : [
            ...common.notes,
            `${claim.winner.id} has no rule for this proxy and port: default route`,
          ];
    const http =
      servicePort.traffic === 'http' || servicePort.traffic === 'auto'
        ? [defaultHttp(service, port)]
        : [];
    const stream =
      servicePort.traffic === 'tcp' || servicePort.traffic === 'auto'
        ? [defaultStream(service, port)]
        : [];
    const tls = servicePort.traffic === 'tls' ? [defaultStream(service, port)] : [];
    return { ...common, status: 'default', http, tcp: stream, tls, notes };
  }
  return {
    ...common,
    status: 'routed',
    virtualHost: claim.vsHost,
    virtualServices: [claim.winner.id],
    ...routes,
    notes: [...common.notes, ...claimNotes(claim, host)],
  };
}

/**
 * The routes a sidecar programs for `host:port` (SEMANTICS §0; R1, R3, R5, R8, R11): the service
 * its scope resolves the host to, the single VirtualService that claims it (first wins), the rules
 * that apply to this proxy (catch-all truncation), or default routing; unknown hosts pass through
 * (ALLOW_ANY) or are dropped (REGISTRY_ONLY). VS-only hosts get routes on port 80 only.
 */
export function sidecarRoutes(proxy: SidecarProxy, host: string, port: number): RouteTable {
  const service = proxy.view.resolveService(host);
  const servicePort = service === null ? null : findPort(service, port);
  if (service !== null && servicePort !== null) {
    return forService(proxy, host, service, servicePort);
  }
  const claim = service === null && port === 80 ? proxy.view.claim(host, false) : null;
  if (claim !== null) {
    const routes = vsRoutes(proxy, claim.winner, null, port);
    const notes = [
      ...proxy.view.scope.notes,
      ...claimNotes(claim, host),
      `${host} is not in the registry: only a port-80 virtual host exists (R1)`,
    ];
    return {
      ...base(proxy, host, port),
      status: 'routed',
      traffic: 'http',
      service: null,
      virtualHost: claim.vsHost,
      virtualServices: [claim.winner.id],
      ...routes,
      notes,
    };
  }
  const mode = proxy.view.scope.outboundTrafficPolicy;
  return {
    ...base(proxy, host, port),
    status: mode === 'REGISTRY_ONLY' ? 'blackhole' : 'passthrough',
    traffic: 'auto',
    service,
    registryMiss: proxy.view.registryMiss(host, port, service),
  };
}
