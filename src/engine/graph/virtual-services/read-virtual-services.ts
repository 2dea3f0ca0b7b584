import type { JsonObject } from '../../model/json.js';
import type { Resource } from '../../model/resource.js';
import { parseExportTo } from '../hosts/export-to.js';
import { MESH_GATEWAY, resolveGatewayName, resolveShortName } from '../hosts/short-name.js';
import type { MeshConfigView } from '../mesh-config/mesh-config.js';
import type {
  RouteDestination,
  RouteMatch,
  TcpRouteRule,
  VirtualServiceInfo,
} from '../types/virtual-service.js';
import { objectAt, objectsAt, stringAt, stringsAt } from '../util/json.js';
import { type NameScope, readDestinations, readMatches, readMirrors } from './read-routes.js';

/** An `http[]` rule before delegation (R6 merges these). */
export interface ParsedHttpRule {
  readonly index: number;
  readonly spec: JsonObject;
  readonly name: string | null;
  readonly matches: readonly RouteMatch[];
  readonly destinations: readonly RouteDestination[];
  readonly mirrors: readonly RouteDestination[];
  readonly delegate: { readonly namespace: string; readonly name: string } | null;
}

/** A VirtualService as written, short names expanded (R2), before delegation (R6). */
export interface ParsedVirtualService extends Omit<VirtualServiceInfo, 'http'> {
  readonly parsedHttp: readonly ParsedHttpRule[];
}

function readHttp(spec: JsonObject | null, scope: NameScope): ParsedHttpRule[] {
  return objectsAt(spec, 'http').map((rule, index) => {
    const delegate = objectAt(rule, 'delegate');
    const delegateName = stringAt(delegate, 'name');
    return {
      index,
      spec: rule,
      name: stringAt(rule, 'name'),
      matches: readMatches(rule, scope),
      destinations: readDestinations(rule, scope),
      mirrors: readMirrors(rule, scope),
      delegate:
        delegateName === null
          ? null
          : { name: delegateName, namespace: stringAt(delegate, 'namespace') ?? scope.namespace },
    };
  });
}

function readStreamRules(
  spec: JsonObject | null,
  field: 'tcp' | 'tls',
  id: string,
  scope: NameScope,
): TcpRouteRule[] {
  return objectsAt(spec, field).map((rule, index) => ({
    ref: `${id}#${field}[${index}]`,
    rule: `${field}[${index}]`,
    virtualService: id,
    matches: readMatches(rule, scope),
    destinations: readDestinations(rule, scope),
    spec: rule,
  }));
}

/**
 * R2 + R4: hosts expand with the VS namespace, gateway names resolve, no `gateways` = `mesh`
 * only (`getGatewayNames`, P/model/push_context.go; `ResolveVirtualServiceShortnames`).
 */
export function readVirtualService(
  resource: Resource,
  mesh: MeshConfigView,
  clusterDomain: string,
): ParsedVirtualService {
  const { namespace, name } = resource.key;
  const id = `${namespace}/${name}`;
  const spec = objectAt(resource.body, 'spec');
  const scope: NameScope = { namespace, clusterDomain };
  const hosts = stringsAt(spec, 'hosts').map((h) => resolveShortName(h, namespace, clusterDomain));
  const gateways = stringsAt(spec, 'gateways').map((g) => resolveGatewayName(g, namespace));
  return {
    key: resource.key,
    id,
    namespace,
    name,
    hosts,
    gateways: gateways.length === 0 ? [MESH_GATEWAY] : gateways,
    exportTo: parseExportTo(
      stringsAt(spec, 'exportTo'),
      namespace,
      mesh.defaultVirtualServiceExportTo,
    ),
    parsedHttp: readHttp(spec, scope),
    tcp: readStreamRules(spec, 'tcp', id, scope),
    tls: readStreamRules(spec, 'tls', id, scope),
    isDelegate: hosts.length === 0,
    createdAt: stringAt(objectAt(resource.body, 'metadata'), 'creationTimestamp'),
    notes: [],
  };
}

export function readVirtualServices(
  resources: readonly Resource[],
  mesh: MeshConfigView,
  clusterDomain: string,
): ParsedVirtualService[] {
  return resources
    .filter((r) => r.key.group === 'networking.istio.io' && r.key.kind === 'VirtualService')
    .map((r) => readVirtualService(r, mesh, clusterDomain));
}
