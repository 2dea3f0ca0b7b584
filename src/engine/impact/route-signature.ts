import {
  destinationWorkloads,
  type DestinationClient,
} from '../graph/routing/destination-workloads.js';
import type {
  EffectiveDestination,
  EffectiveHttpRoute,
  EffectiveStreamRoute,
  RouteTable,
} from '../graph/routing/route-types.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import type { JsonValue } from '../model/json.js';

/** One route as the impact diff compares it: what it matches, where it sends, which policies. */
export interface RouteView {
  readonly ref: string;
  readonly signature: string;
  readonly destinations: readonly DestinationView[];
}

export interface DestinationView {
  readonly host: string;
  readonly subset: string | null;
  readonly port: number | null;
  readonly weight: number;
  readonly workloads: readonly string[];
}

export interface TableView {
  /** True when the proxy routes the host at all (VirtualService rules or default routing). */
  readonly isRouted: boolean;
  readonly signature: string;
  readonly routes: readonly RouteView[];
}

function destinationView(
  graph: MeshGraph,
  client: DestinationClient,
  d: EffectiveDestination,
): DestinationView & { policy: JsonValue; service: string | null } {
  const endpoints = destinationWorkloads(graph, client, d);
  return {
    host: d.host,
    subset: d.subset,
    port: d.port,
    weight: d.weight,
    workloads: endpoints.workloads.map((w) => w.id).sort(),
    policy: endpoints.destinationRule?.trafficPolicy ?? null,
    // A destination that stops resolving to a service (an external host whose ServiceEntry is
    // removed) changes routing even though no workload was behind it before or after.
    service: d.service?.uid ?? null,
  };
}

function httpPolicies(route: EffectiveHttpRoute): JsonValue {
  return [
    route.rewrite,
    route.redirect,
    route.directResponse,
    route.fault,
    route.retries,
    route.timeout,
    route.headers,
    route.corsPolicy,
  ];
}

function routeView(
  graph: MeshGraph,
  client: DestinationClient,
  route: EffectiveHttpRoute | EffectiveStreamRoute,
): RouteView {
  const destinations = route.destinations.map((d) => destinationView(graph, client, d));
  const mirrors =
    'mirrors' in route ? route.mirrors.map((d) => destinationView(graph, client, d)) : [];
  const signature = JSON.stringify({
    matches: route.matches.map((m) => m.raw),
    destinations,
    mirrors,
    policies: 'rewrite' in route ? httpPolicies(route) : null,
  });
  return {
    ref: route.ref,
    signature,
    destinations: destinations.map((d) => ({
      host: d.host,
      subset: d.subset,
      port: d.port,
      weight: d.weight,
      workloads: d.workloads,
    })),
  };
}

/** SEMANTICS §0 "Changed hosts": matches, destinations, weights, subsets, workloads and policies. */
export function tableView(
  graph: MeshGraph,
  client: DestinationClient,
  table: RouteTable,
): TableView {
  const routes = [...table.http, ...table.tcp, ...table.tls].map((r) =>
    routeView(graph, client, r),
  );
  return {
    isRouted: table.status === 'routed' || table.status === 'default',
    signature: JSON.stringify({
      status: table.status,
      routes: routes.map((r) => [r.ref, r.signature]),
    }),
    routes,
  };
}
