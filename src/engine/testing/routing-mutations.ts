import type { JsonObject } from '../model/json.js';
import { isJsonObject } from '../model/json.js';
import type { Resource } from '../model/resource.js';

/**
 * Edits of VirtualServices and DestinationRules for equivalence tests of incremental analyses:
 * each one changes what routing sees in a different way (claimed hosts, destinations, exportTo,
 * source labels, faults, DestinationRule hosts, TLS, subsets, added and removed objects).
 */
export type RoutingEdit = (resource: Resource, other: Resource) => readonly Resource[];

function spec(body: JsonObject): JsonObject {
  const value = body['spec'];
  return isJsonObject(value) ? value : {};
}

function firstHttp(body: JsonObject): JsonObject | null {
  const http = spec(body)['http'];
  const first = Array.isArray(http) ? http[0] : undefined;
  return isJsonObject(first ?? null) ? (first as JsonObject) : null;
}

function hostOf(resource: Resource): string {
  const body = spec(resource.body);
  const hosts = body['hosts'];
  const host = Array.isArray(hosts) ? hosts[0] : body['host'];
  return typeof host === 'string' ? host : resource.key.name;
}

function edited(resource: Resource, edit: (body: JsonObject) => void): readonly Resource[] {
  const body = structuredClone(resource.body);
  edit(body);
  return [{ ...resource, body }];
}

function renamed(resource: Resource, suffix: string): Resource {
  const body = structuredClone(resource.body);
  const metadata = isJsonObject(body['metadata'] ?? null) ? (body['metadata'] as JsonObject) : {};
  const name = `${resource.key.name}-${suffix}`;
  body['metadata'] = { ...metadata, name };
  return { ...resource, key: { ...resource.key, name }, body };
}

const VS_EDITS: readonly RoutingEdit[] = [
  (vs, other) => edited(vs, (b) => (spec(b)['hosts'] = [hostOf(other)])),
  (vs, other) =>
    edited(vs, (b) => {
      const rule = firstHttp(b);
      if (rule !== null) {
        rule['route'] = [{ destination: { host: `${hostOf(other)}.${other.key.namespace}` } }];
      }
    }),
  (vs) => edited(vs, (b) => (spec(b)['exportTo'] = ['.'])),
  (vs) =>
    edited(vs, (b) => {
      const rule = firstHttp(b);
      if (rule !== null) {
        rule['fault'] = { abort: { httpStatus: 503, percentage: { value: 100 } } };
      }
    }),
  (vs, other) =>
    edited(vs, (b) => {
      const rule = firstHttp(b);
      if (rule !== null) {
        rule['match'] = [{ sourceLabels: { app: other.key.name } }];
      }
    }),
  () => [],
  (vs) => [vs, renamed(vs, 'copy')],
  (vs, other) =>
    edited(vs, (b) => (spec(b)['hosts'] = [`*.${other.key.namespace}.svc.cluster.local`])),
];

const DR_EDITS: readonly RoutingEdit[] = [
  (dr) => edited(dr, (b) => (spec(b)['trafficPolicy'] = { tls: { mode: 'DISABLE' } })),
  (dr) => edited(dr, (b) => (spec(b)['subsets'] = [{ name: 'v1', labels: { version: 'none' } }])),
  (dr) => edited(dr, (b) => (spec(b)['host'] = `*.${dr.key.namespace}.svc.cluster.local`)),
  (dr) => edited(dr, (b) => (spec(b)['exportTo'] = ['.'])),
  () => [],
  (dr) => [dr, renamed(dr, 'copy')],
];

/** Applies edit `choice` (any integer) to the resource at `index` (any integer) of its kind. */
export function editRouting(
  resources: readonly Resource[],
  edits: readonly { readonly index: number; readonly choice: number; readonly other: number }[],
): Resource[] {
  let out = [...resources];
  for (const { index, choice, other } of edits) {
    const routing = out.filter(
      (r) => r.key.kind === 'VirtualService' || r.key.kind === 'DestinationRule',
    );
    const resource = routing[index % Math.max(routing.length, 1)];
    const services = out.filter((r) => r.key.kind === 'Service');
    const partner = services[other % Math.max(services.length, 1)];
    if (resource === undefined || partner === undefined) {
      continue;
    }
    const list = resource.key.kind === 'VirtualService' ? VS_EDITS : DR_EDITS;
    const edit = list[choice % list.length];
    const replacement = edit === undefined ? [resource] : edit(resource, partner);
    const at = out.indexOf(resource);
    out = [...out.slice(0, at), ...replacement, ...out.slice(at + 1)];
  }
  return out;
}
