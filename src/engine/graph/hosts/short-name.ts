import { normalizeHost } from './host-name.js';

export const MESH_GATEWAY = 'mesh';

function isIpAddress(host: string): boolean {
  return host.includes(':') || /^\d{1,3}(\.\d{1,3}){3}(\/\d+)?$/.test(host);
}

/**
 * R2 — `ResolveShortnameToFQDN` (P/model/config.go): only names without a dot are expanded, with
 * the namespace of the object holding the reference (never the target's); `*` and IPs are kept.
 */
export function resolveShortName(host: string, namespace: string, clusterDomain: string): string {
  const name = normalizeHost(host);
  if (name === '' || name === '*' || name.includes('.') || isIpAddress(name)) {
    return name;
  }
  return `${name}.${namespace}.svc.${clusterDomain}`;
}

/**
 * R2 — `resolveGatewayName` (P/model/config.go): `name` → `<ns>/name`, `./name` → `<ns>/name`,
 * `ns/name` kept, legacy `name.ns.svc.cluster.local` → `ns/name`, `mesh` reserved.
 */
export function resolveGatewayName(gateway: string, namespace: string): string {
  const name = gateway.trim();
  if (name === MESH_GATEWAY) {
    return name;
  }
  const slash = name.indexOf('/');
  if (slash >= 0) {
    return name.slice(0, slash) === '.' ? `${namespace}/${name.slice(slash + 1)}` : name;
  }
  const dot = name.indexOf('.');
  if (dot < 0) {
    return `${namespace}/${name}`;
  }
  const rest = name.slice(dot + 1);
  const nextDot = rest.indexOf('.');
  return `${nextDot < 0 ? rest : rest.slice(0, nextDot)}/${name.slice(0, dot)}`;
}
