import type { Resource } from '../../model/resource.js';
import { compareStrings } from '../util/compare.js';
import { normalizeHost } from '../hosts/host-name.js';
import type { EgressImport, SidecarInfo } from '../types/sidecar.js';
import { numberAt, objectAt, objectsAt, stringAt, stringMapAt, stringsAt } from '../util/json.js';

/**
 * R8 — egress hosts are `ns/dnsName` with exactly one `/` (else ignored); `~` marks an exclusion,
 * a bare `~` namespace meaning any namespace (`convertIstioListenerToWrapper`, P/model/sidecar.go).
 * Hosts are never short-name expanded (R2).
 */
export function parseEgressHost(value: string, port: number | null): EgressImport | null {
  const parts = value.trim().split('/');
  if (parts.length !== 2) {
    return null;
  }
  const [rawNs = '', rawHost = ''] = parts;
  const isExclusion = rawNs.startsWith('~');
  const namespace = isExclusion ? (rawNs === '~' ? '~' : rawNs.slice(1)) : rawNs;
  if (namespace === '' || rawHost === '') {
    return null;
  }
  return { namespace, host: normalizeHost(rawHost), isExclusion, port };
}

export function readSidecar(resource: Resource): SidecarInfo {
  const { namespace, name } = resource.key;
  const spec = objectAt(resource.body, 'spec');
  const egress: EgressImport[] = [];
  const ignoredHosts: string[] = [];
  const listeners = objectsAt(spec, 'egress');
  for (const listener of listeners) {
    const port = numberAt(objectAt(listener, 'port'), 'number');
    for (const host of stringsAt(listener, 'hosts')) {
      const parsed = parseEgressHost(host, port);
      if (parsed === null) {
        ignoredHosts.push(host);
      } else {
        egress.push(parsed);
      }
    }
  }
  const selector =
    objectAt(spec, 'workloadSelector') === null
      ? null
      : stringMapAt(objectAt(spec, 'workloadSelector'), 'labels');
  const policy = objectAt(spec, 'outboundTrafficPolicy');
  // A policy given without `mode` is REGISTRY_ONLY, the proto3 enum's zero value: istiod copies
  // the Sidecar's policy as is (P/model/sidecar.go ConvertToSidecarScope). Kiali warns (KIA1007).
  const mode = policy === null ? null : (stringAt(policy, 'mode') ?? 'REGISTRY_ONLY');
  return {
    key: resource.key,
    id: `${namespace}/${name}`,
    namespace,
    name,
    selector,
    egress,
    hasEgress: listeners.length > 0,
    outboundTrafficPolicy: mode === 'REGISTRY_ONLY' || mode === 'ALLOW_ANY' ? mode : null,
    createdAt: stringAt(objectAt(resource.body, 'metadata'), 'creationTimestamp'),
    ignoredHosts,
  };
}

export function readSidecars(resources: readonly Resource[]): SidecarInfo[] {
  return resources
    .filter((r) => r.key.group === 'networking.istio.io' && r.key.kind === 'Sidecar')
    .map(readSidecar)
    .sort((a, b) => compareStrings(a.id, b.id));
}
