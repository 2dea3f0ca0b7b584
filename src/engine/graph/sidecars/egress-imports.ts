import { hostsMatch, hostSubsetOf, isWildcardHost } from '../hosts/host-name.js';
import type { ServiceInfo } from '../types/service.js';
import type { EgressImport, SidecarScope } from '../types/sidecar.js';
import type { VirtualServiceInfo } from '../types/virtual-service.js';

function namespaceMatches(entry: EgressImport, namespace: string): boolean {
  return entry.namespace === '*' || entry.namespace === '~' || entry.namespace === namespace;
}

/** `dnsName` is an FQDN, `*.suffix` or `*` (`hostClassification.Matches`, P/model/sidecar.go). */
function importHostMatches(importHost: string, host: string): boolean {
  if (importHost === '*') {
    return true;
  }
  return isWildcardHost(host) ? hostsMatch(importHost, host) : hostSubsetOf(host, importHost);
}

function isImported(
  imports: readonly EgressImport[],
  namespace: string,
  matches: (entry: EgressImport) => boolean,
  port: number | null,
): boolean {
  let included = false;
  for (const entry of imports) {
    if (!namespaceMatches(entry, namespace) || !matches(entry)) {
      continue;
    }
    if (entry.isExclusion) {
      return false;
    }
    if (port === null || entry.port === null || entry.port === port) {
      included = true;
    }
  }
  return included;
}

/**
 * R8 — a service is imported when an egress host names the namespace where it is **defined**
 * (not the one inside its FQDN) and its host (`selectServices`, P/model/sidecar.go). No egress
 * section = everything exported to the namespace (checked separately, R3).
 */
export function scopeImportsService(
  scope: SidecarScope,
  service: ServiceInfo,
  port: number | null = null,
): boolean {
  if (scope.imports === null) {
    return true;
  }
  return isImported(
    scope.imports,
    service.namespace,
    (e) => importHostMatches(e.host, service.hostname),
    port,
  );
}

/** R8 — `SelectVirtualServices` (P/model/virtualservice.go): some VS host overlaps an import of its namespace. */
export function scopeImportsVirtualService(scope: SidecarScope, vs: VirtualServiceInfo): boolean {
  if (scope.imports === null) {
    return true;
  }
  return isImported(
    scope.imports,
    vs.namespace,
    (e) => vs.hosts.some((h) => hostsMatch(h, e.host)),
    null,
  );
}
