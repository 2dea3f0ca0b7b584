import type { DestinationClient } from '../graph/routing/destination-workloads.js';
import type { ProxyContext } from '../graph/routing/route-types.js';
import { routesFor } from '../graph/routing/routes-for.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import type { HostScope } from './affected-hosts.js';
import type { ChangeKind, HostChange, RouteChange } from './impact-report.js';
import { tableView, type TableView } from './route-signature.js';
import { diffRouteViews } from './route-views-diff.js';

export interface RoutingDiff {
  readonly hosts: HostChange[];
  readonly routes: RouteChange[];
}

/** A place routing is programmed: `mesh` (one anonymous sidecar per namespace) or a Gateway. */
interface Vantage {
  readonly gateway: string;
  readonly contexts: readonly { key: string; context: ProxyContext; client: DestinationClient }[];
}

const namespacesOf = new WeakMap<MeshGraph['workloads'], ReadonlySet<string>>();

/** Namespaces with sidecar workloads (kept per workload list: an updated graph shares it). */
function meshNamespaces(graph: MeshGraph): ReadonlySet<string> {
  let found = namespacesOf.get(graph.workloads);
  if (found === undefined) {
    const out = new Set<string>();
    for (const workload of graph.workloads) {
      if (workload.inMesh && !workload.isGatewayProxy) {
        out.add(workload.namespace);
      }
    }
    namespacesOf.set(graph.workloads, out);
    found = out;
  }
  return found;
}

function vantages(base: MeshGraph, target: MeshGraph): Vantage[] {
  const namespaces = [...new Set([...meshNamespaces(base), ...meshNamespaces(target)])].sort();
  const mesh: Vantage = {
    gateway: 'mesh',
    contexts: namespaces.map((ns) => ({
      key: ns,
      context: { kind: 'anonymous', namespace: ns },
      client: { namespace: ns, labels: {} },
    })),
  };
  const gatewayIds = new Set(
    [...base.gateways, ...target.gateways].filter((g) => g.proxies.length > 0).map((g) => g.id),
  );
  const gateways = [...gatewayIds].sort().map((id) => ({
    gateway: id,
    contexts: [
      {
        key: id,
        context: { kind: 'gateway', gateway: id } as const,
        client: { namespace: id.split('/')[0] ?? '', labels: null },
      },
    ],
  }));
  return [mesh, ...gateways];
}

function portsFor(graph: MeshGraph, host: string, gateway: string): number[] {
  if (gateway !== 'mesh') {
    const info = graph.gatewaysById.get(gateway);
    return (info?.servers ?? []).map((s) => s.port);
  }
  const ports = (graph.services.byHost.get(host) ?? []).flatMap((s) =>
    s.ports.map((p) => p.number),
  );
  return ports.length === 0 ? [80] : ports;
}

/** Hosts a Gateway can route: those of VirtualServices bound to it (either side). */
function gatewayHosts(base: MeshGraph, target: MeshGraph, gateway: string): Set<string> {
  const hosts = new Set<string>();
  for (const graph of [base, target]) {
    for (const vs of graph.virtualServices.all) {
      if (vs.gateways.includes(gateway)) {
        vs.hosts.forEach((h) => hosts.add(h));
      }
    }
  }
  return hosts;
}

function hostsInScope(scope: HostScope, base: MeshGraph, target: MeshGraph): string[] {
  if (!scope.all) {
    return [...scope.hosts].sort();
  }
  const hosts = new Set<string>();
  for (const graph of [base, target]) {
    for (const service of graph.services.all) {
      hosts.add(service.hostname);
    }
    for (const vs of graph.virtualServices.all) {
      vs.hosts.forEach((h) => hosts.add(h));
    }
  }
  return [...hosts].sort();
}

type Views = Map<string, TableView>;

function collect(
  graph: MeshGraph,
  vantage: Vantage,
  host: string,
  ports: readonly number[],
): Views {
  const views: Views = new Map();
  for (const { key, context, client } of vantage.contexts) {
    for (const port of ports) {
      views.set(
        `${key}:${String(port)}`,
        tableView(graph, client, routesFor(graph, context, host, port)),
      );
    }
  }
  return views;
}

function hostChange(before: Views, after: Views): ChangeKind | null {
  const routedBefore = [...before.values()].some((v) => v.isRouted);
  const routedAfter = [...after.values()].some((v) => v.isRouted);
  if (!routedBefore && !routedAfter) {
    return null;
  }
  if (routedBefore !== routedAfter) {
    return routedAfter ? 'added' : 'removed';
  }
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].some((k) => before.get(k)?.signature !== after.get(k)?.signature)
    ? 'modified'
    : null;
}

/**
 * SEMANTICS §0 "Changed hosts": for each host in scope, the routing `mesh` sidecars (one
 * anonymous sidecar per namespace with workloads) and every Gateway program, before and after.
 */
export function diffRouting(base: MeshGraph, target: MeshGraph, scope: HostScope): RoutingDiff {
  const hosts: HostChange[] = [];
  const routes: RouteChange[] = [];
  const points = vantages(base, target);
  const boundHosts = new Map(points.map((p) => [p.gateway, gatewayHosts(base, target, p.gateway)]));
  for (const host of hostsInScope(scope, base, target)) {
    for (const vantage of points) {
      if (vantage.gateway !== 'mesh' && boundHosts.get(vantage.gateway)?.has(host) !== true) {
        continue;
      }
      const ports = [
        ...new Set([
          ...portsFor(base, host, vantage.gateway),
          ...portsFor(target, host, vantage.gateway),
        ]),
      ].sort((a, b) => a - b);
      const before = collect(base, vantage, host, ports);
      const after = collect(target, vantage, host, ports);
      const change = hostChange(before, after);
      if (change === null) {
        continue;
      }
      hosts.push({ host, gateway: vantage.gateway, change });
      routes.push(...diffRouteViews(host, vantage.gateway, before, after));
    }
  }
  return { hosts, routes };
}
