import type { ResourceChange } from '../diff/resource-change.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod', 'WorkloadEntry']);
/** Kinds whose change can alter the routing of any host (scope: every host). */
const GLOBAL_KINDS = new Set(['Sidecar', 'Gateway', 'Namespace', 'EnvoyFilter']);
/** Kinds that only change admission (mTLS, authorization): reachability covers them, not routing. */
const ADMISSION_KINDS = new Set(['PeerAuthentication', 'AuthorizationPolicy', 'RequestAuthentication']);

export type HostScope = { readonly all: true } | { readonly all: false; readonly hosts: ReadonlySet<string> };


function hostsOfObject(graph: MeshGraph, kind: string, namespace: string, name: string, out: Set<string>): void {
  const id = `${namespace}/${name}`;
  if (kind === 'VirtualService') {
    const vs = graph.virtualServices.byId.get(id);
    for (const host of vs?.hosts ?? []) {
      out.add(host);
    }
    for (const rule of [...(vs?.http ?? []), ...(vs?.tcp ?? []), ...(vs?.tls ?? [])]) {
      for (const d of rule.destinations) {
        out.add(d.host);
      }
    }
  } else if (kind === 'DestinationRule') {
    for (const rule of graph.destinationRules.rules) {
      if (rule.namespace === namespace && rule.key.name === name) {
        out.add(rule.host);
      }
    }
  } else if (kind === 'Service' || kind === 'ServiceEntry') {
    for (const service of graph.services.all) {
      if (service.kind === kind && service.namespace === namespace && service.name === name) {
        out.add(service.hostname);
      }
    }
  } else if (WORKLOAD_KINDS.has(kind)) {
    for (const service of graph.services.all) {
      if ((graph.services.endpoints.get(service.uid) ?? []).some((w) => w.id === id)) {
        out.add(service.hostname);
      }
    }
  }
}

/**
 * The hosts whose effective routing a change can touch, looked up in both graphs: hosts of changed
 * VirtualServices (and their destinations), DestinationRules, Services and ServiceEntries, and
 * the services selecting changed workloads. Changes to Sidecars, Gateways, mesh config or
 * Namespaces can touch any host: then every host is compared. This keeps a 10-object change on a
 * large mesh from comparing every host's routing.
 */
export function affectedHosts(changes: readonly ResourceChange[], base: MeshGraph, target: MeshGraph): HostScope {
  const hosts = new Set<string>();
  for (const change of changes) {
    const isMeshConfig = change.kind === 'ConfigMap' && /^istio(-|$)/.test(change.name);
    if (GLOBAL_KINDS.has(change.kind) || isMeshConfig) {
      return { all: true };
    }
    if (ADMISSION_KINDS.has(change.kind)) {
      continue;
    }
    for (const graph of [base, target]) {
      hostsOfObject(graph, change.kind, change.namespace, change.name, hosts);
    }
  }
  return { all: false, hosts };
}

