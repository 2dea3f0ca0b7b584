/**
 * Name resolution Istio applies before it compares configuration (SEMANTICS R2, R4). Used to
 * normalise references so that cosmetic spellings are not reported as changes.
 */

const MESH_GATEWAY = 'mesh';

/**
 * `name` → `name.<ns>.svc.<domain>`; names with a dot, `*` and IP addresses are left alone.
 * `ResolveShortnameToFQDN`, P/model/config.go (SEMANTICS R2). An IPv6 address has no dot but a
 * colon, which no host name has.
 */
export function resolveShortName(host: string, namespace: string, clusterDomain: string): string {
  if (host === '' || host === '*' || host.includes('.') || host.includes(':')) {
    return host;
  }
  const withNamespace = namespace === '' ? host : `${host}.${namespace}`;
  return clusterDomain === '' ? withNamespace : `${withNamespace}.svc.${clusterDomain}`;
}

/**
 * VirtualService gateway reference → `ns/name` (`resolveGatewayName`, P/model/config.go):
 * `name` → `<vs-ns>/name`; `./name` → `<vs-ns>/name`; `ns/name` kept; legacy
 * `name.ns.svc.cluster.local` → `ns/name`; `mesh` is reserved and kept.
 */
export function resolveGatewayName(reference: string, namespace: string): string {
  if (reference === MESH_GATEWAY) {
    return reference;
  }
  const slash = reference.indexOf('/');
  if (slash >= 0) {
    return reference.slice(0, slash) === '.'
      ? `${namespace}/${reference.slice(slash + 1)}`
      : reference;
  }
  const dot = reference.indexOf('.');
  if (dot < 0) {
    return `${namespace}/${reference}`;
  }
  const rest = reference.slice(dot + 1);
  const nextDot = rest.indexOf('.');
  const gatewayNamespace = nextDot < 0 ? rest : rest.slice(0, nextDot);
  return `${gatewayNamespace}/${reference.slice(0, dot)}`;
}

/**
 * Gateway server host → `ns/dnsName`: no prefix means any namespace (`*` + `/h`), `./h` = the Gateway's namespace
 * (`sanitizeServerHostNamespace`, P/model/gateway.go; SEMANTICS R4). The DNS part is never
 * short-name-expanded (R2).
 */
export function sanitizeServerHost(host: string, gatewayNamespace: string): string {
  const slash = host.indexOf('/');
  if (slash < 0) {
    return `*/${host}`;
  }
  return host.slice(0, slash) === '.' ? `${gatewayNamespace}/${host.slice(slash + 1)}` : host;
}
