import type { ResourceChange } from '../diff/resource-change.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';

const WORKLOAD_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'CronJob',
  'Pod',
  'WorkloadEntry',
]);
/** Kinds whose change can alter the routing of any host (scope: every host). */
const GLOBAL_KINDS = new Set(['Sidecar', 'Gateway', 'Namespace', 'EnvoyFilter']);
/** Kinds that only change admission (mTLS, authorization): reachability covers them, not routing. */
const ADMISSION_KINDS = new Set([
  'PeerAuthentication',
  'AuthorizationPolicy',
  'RequestAuthentication',
]);

export type HostScope =
  { readonly all: true } | { readonly all: false; readonly hosts: ReadonlySet<string> };

type HostCollector = (graph: MeshGraph, namespace: string, name: string, out: Set<string>) => void;

function virtualServiceHosts(
  graph: MeshGraph,
  namespace: string,
  name: string,
  out: Set<string>,
): void {
  const vs = graph.virtualServices.byId.get(`${namespace}/${name}`);
  if (vs === undefined) {
    return;
  }
  vs.hosts.forEach((h) => out.add(h));
  for (const rule of [...vs.http, ...vs.tcp, ...vs.tls]) {
    rule.destinations.forEach((d) => out.add(d.host));
  }
}

function destinationRuleHosts(
  graph: MeshGraph,
  namespace: string,
  name: string,
  out: Set<string>,
): void {
  graph.destinationRules.rules
    .filter((rule) => rule.namespace === namespace && rule.key.name === name)
    .forEach((rule) => out.add(rule.host));
}

function serviceHosts(kind: 'Service' | 'ServiceEntry'): HostCollector {
  return (graph, namespace, name, out) => {
    graph.services.all
      .filter((s) => s.kind === kind && s.namespace === namespace && s.name === name)
      .forEach((s) => out.add(s.hostname));
  };
}

/** Hosts of the services selecting a workload: its endpoints moving changes their routing. */
function workloadHosts(graph: MeshGraph, namespace: string, name: string, out: Set<string>): void {
  const id = `${namespace}/${name}`;
  for (const service of graph.services.all) {
    if ((graph.services.endpoints.get(service.uid) ?? []).some((w) => w.id === id)) {
      out.add(service.hostname);
    }
  }
}

const COLLECTORS: Readonly<Record<string, HostCollector>> = {
  VirtualService: virtualServiceHosts,
  DestinationRule: destinationRuleHosts,
  Service: serviceHosts('Service'),
  ServiceEntry: serviceHosts('ServiceEntry'),
  ...Object.fromEntries([...WORKLOAD_KINDS].map((kind) => [kind, workloadHosts])),
};

/**
 * The hosts whose effective routing a change can touch, looked up in both graphs: hosts of changed
 * VirtualServices (and their destinations), DestinationRules, Services and ServiceEntries, and
 * the services selecting changed workloads. Changes to Sidecars, Gateways, mesh config or
 * Namespaces can touch any host: then every host is compared. This keeps a 10-object change on a
 * large mesh from comparing every host's routing.
 */
export function affectedHosts(
  changes: readonly ResourceChange[],
  base: MeshGraph,
  target: MeshGraph,
): HostScope {
  const hosts = new Set<string>();
  for (const change of changes) {
    const isMeshConfig = change.kind === 'ConfigMap' && /^istio(-|$)/.test(change.name);
    if (GLOBAL_KINDS.has(change.kind) || isMeshConfig) {
      return { all: true };
    }
    if (ADMISSION_KINDS.has(change.kind)) {
      continue;
    }
    const collect = COLLECTORS[change.kind];
    for (const graph of collect === undefined ? [] : [base, target]) {
      collect?.(graph, change.namespace, change.name, hosts);
    }
  }
  return { all: false, hosts };
}
