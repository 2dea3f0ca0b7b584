import { resolveShortName } from '../../graph/hosts/short-name.js';
import { hostsMatch, isWildcardHost } from '../../graph/hosts/host-name.js';
import { pushTo } from '../shared/json.js';
import { stringsAt } from '../shared/json.js';
import type { Resource } from '../../model/resource.js';
import type { Rule } from '../rule.js';
import { fullName, specOf } from '../shared/resource-fields.js';
import { perObjectMemo } from '../shared/per-object-memo.js';

const ALL = '*';

function isMeshBound(vs: Resource): boolean {
  const gateways = stringsAt(specOf(vs), 'gateways');
  return gateways.length === 0 || gateways.includes('mesh');
}

/** `IsExportToAllNamespaces` plus `.` → own namespace. */
function scopes(vs: Resource): Set<string> {
  const exportTo = stringsAt(specOf(vs), 'exportTo');
  if (exportTo.length === 0 || exportTo.includes(ALL)) {
    return new Set([ALL]);
  }
  return new Set(exportTo.map((e) => (e === '.' ? vs.key.namespace : e)));
}

function splitKey(key: string): [string, string] {
  const slash = key.indexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
}

/**
 * The `scope/fqdn` keys a mesh-bound VirtualService declares (none when not mesh-bound), read
 * once per object.
 */
const hostKeys = perObjectMemo(readHostKeys);

function readHostKeys(vs: Resource, clusterDomain: string): readonly string[] {
  const keys: string[] = [];
  if (isMeshBound(vs)) {
    const fqdns = new Set(
      stringsAt(specOf(vs), 'hosts').map((h) =>
        resolveShortName(h, vs.key.namespace, clusterDomain),
      ),
    );
    for (const scope of scopes(vs)) {
      for (const fqdn of fqdns) {
        keys.push(`${scope}/${fqdn}`);
      }
    }
  }
  return keys;
}

/** scope/fqdn → mesh-bound VirtualServices declaring that host for that scope. */
function indexHosts(
  virtualServices: readonly Resource[],
  clusterDomain: string,
): Map<string, Resource[]> {
  const index = new Map<string, Resource[]>();
  for (const vs of virtualServices) {
    for (const key of hostKeys(vs, clusterDomain)) {
      pushTo(index, key, vs);
    }
  }
  return index;
}

/**
 * Hosts exported to all namespaces that overlap `host` (`getExportToAllNamespacesVSListForScopedHost`):
 * the same name, a public wildcard covering it, or — for a wildcard `host` — any host it covers.
 */
function publicOverlaps(
  host: string,
  publicHosts: readonly string[],
  publicWildcards: readonly string[],
): string[] {
  if (isWildcardHost(host)) {
    return publicHosts.filter((h) => hostsMatch(host, h));
  }
  const out = publicWildcards.filter((w) => hostsMatch(host, w));
  return publicHosts.includes(host) ? [host, ...out] : out;
}

/**
 * Sidecars keep one VirtualService per host (SEMANTICS R5), so several mesh-bound VirtualServices
 * declaring one host for overlapping exportTo scopes conflict (`ConflictingMeshGatewayHostsAnalyzer`,
 * istio/istio:pkg/config/analysis/analyzers/virtualservice/conflictingmeshgatewayhosts.go@86c9f01f;
 * Kiali `virtualservices.singlehost`). A namespace-scoped host also meets hosts exported to all
 * namespaces that overlap it. Each VirtualService is reported once.
 */
export const conflictingMeshHostsRule: Rule = {
  id: 'virtual-service/conflicting-mesh-hosts',
  description: 'Flags mesh VirtualServices that declare the same host for the same namespaces.',
  inputs: ['VirtualService'],
  messages: ['conflictingMeshGatewayHosts'],
  check(ctx) {
    const index = indexHosts(ctx.ofKind('VirtualService'), ctx.graph.clusterDomain);
    const keys = [...index.keys()].sort();
    const publicHosts = keys.filter((k) => k.startsWith(`${ALL}/`)).map((k) => splitKey(k)[1]);
    const publicSet = new Set(publicHosts);
    const publicWildcards = publicHosts.filter(isWildcardHost);
    const reported = new Set<Resource>();
    for (const key of keys) {
      const [scope, host] = splitKey(key);
      const list = new Set(index.get(key));
      if (scope !== ALL) {
        const overlaps = isWildcardHost(host)
          ? publicOverlaps(host, publicHosts, publicWildcards)
          : publicOverlaps(host, publicSet.has(host) ? [host] : [], publicWildcards);
        overlaps.forEach((h) => index.get(`${ALL}/${h}`)?.forEach((vs) => list.add(vs)));
      }
      if (list.size < 2) {
        continue;
      }
      const names = [...list].map(fullName).join(',');
      for (const vs of [...list].filter((v) => !reported.has(v))) {
        reported.add(vs);
        ctx.report('conflictingMeshGatewayHosts', vs, 'spec.hosts', {
          virtualServices: names,
          host: key,
        });
      }
    }
  },
};
