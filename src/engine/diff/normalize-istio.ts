import type { JsonObject } from '../model/json.js';
import { resolveGatewayName, resolveShortName, sanitizeServerHost } from './istio-names.js';
import {
  deleteKey,
  dropDefault,
  mapStringField,
  mapStringList,
  objectsAt,
} from './json-navigation.js';

/** What the Istio normalisers need to know about the object being normalised. */
export interface NormalizeContext {
  readonly namespace: string;
  readonly clusterDomain: string;
}

const ROUTE_SECTIONS = ['http', 'tcp', 'tls'] as const;

/**
 * `exportTo: ["*"]` is the mesh default for Services, VirtualServices and DestinationRules
 * (`defaultServiceExportTo`… in istio/istio:pkg/config/mesh/mesh.go@86c9f01f; SEMANTICS R3), so
 * it equals an absent `exportTo`. Assumes the mesh config keeps Istio's defaults.
 */
function dropDefaultExportTo(spec: JsonObject): void {
  const exportTo = spec['exportTo'];
  if (Array.isArray(exportTo) && exportTo.length === 1 && exportTo[0] === '*') {
    deleteKey(spec, 'exportTo');
  }
}

/**
 * R11: one destination gets 100 % whatever its weight, so `weight: 100` on a lone destination
 * equals no weight (only 100 is dropped: another value on a lone destination is kept visible);
 * among several, weight 0 and an omitted weight both mean "no traffic".
 */
function dropDefaultWeights(rule: JsonObject): void {
  const route = rule['route'];
  if (!Array.isArray(route)) {
    return;
  }
  const defaultWeight = route.length === 1 ? 100 : 0;
  for (const destination of objectsAt(route, ['[]'])) {
    dropDefault(destination, 'weight', defaultWeight);
  }
}

/**
 * Short names in hosts, destinations and mirrors expand with the VirtualService's namespace;
 * gateway references become `ns/name` (`resolveVirtualServiceShortnames`,
 * P/model/virtualservice.go; SEMANTICS R2). Gateway-API-generated VSs are left alone, as Istio does.
 */
export function normalizeVirtualService(
  body: JsonObject,
  spec: JsonObject,
  ctx: NormalizeContext,
): void {
  const annotations = objectsAt(body, ['metadata', 'annotations'])[0];
  if (annotations?.['internal.istio.io/route-semantics'] === 'gateway') {
    return;
  }
  const host = (h: string): string => resolveShortName(h, ctx.namespace, ctx.clusterDomain);
  const gateway = (g: string): string => resolveGatewayName(g, ctx.namespace);
  mapStringList(spec, 'hosts', host);
  mapStringList(spec, 'gateways', gateway);
  for (const section of ROUTE_SECTIONS) {
    for (const match of objectsAt(spec, [section, '[]', 'match', '[]'])) {
      mapStringList(match, 'gateways', gateway);
    }
    for (const destination of objectsAt(spec, [section, '[]', 'route', '[]', 'destination'])) {
      mapStringField(destination, 'host', host);
    }
    for (const rule of objectsAt(spec, [section, '[]'])) {
      dropDefaultWeights(rule);
    }
  }
  for (const mirror of objectsAt(spec, ['http', '[]', 'mirror'])) {
    mapStringField(mirror, 'host', host);
  }
  for (const mirror of objectsAt(spec, ['http', '[]', 'mirrors', '[]', 'destination'])) {
    mapStringField(mirror, 'host', host);
  }
  dropDefaultExportTo(spec);
}

/** DR `host` expands with the DR's namespace (`setDestinationRules`, P/model/push_context.go). */
export function normalizeDestinationRule(spec: JsonObject, ctx: NormalizeContext): void {
  mapStringField(spec, 'host', (h) => resolveShortName(h, ctx.namespace, ctx.clusterDomain));
  dropDefaultExportTo(spec);
}

/** ServiceEntry hosts are NOT expanded (R2); only the default exportTo is dropped. */
export function normalizeServiceEntry(spec: JsonObject): void {
  dropDefaultExportTo(spec);
}

/** Server hosts get their namespace part made explicit (R4); the DNS part is kept (R2). */
export function normalizeGateway(spec: JsonObject, ctx: NormalizeContext): void {
  for (const server of objectsAt(spec, ['servers', '[]'])) {
    mapStringList(server, 'hosts', (h) => sanitizeServerHost(h, ctx.namespace));
  }
}

/** `action` defaults to ALLOW (enum value 0, API security/v1beta1/authorization_policy.proto). */
export function normalizeAuthorizationPolicy(spec: JsonObject): void {
  dropDefault(spec, 'action', 'ALLOW');
}
