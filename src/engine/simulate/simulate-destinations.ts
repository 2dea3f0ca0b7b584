import { findSubset } from '../graph/destination-rules/traffic-policy.js';
import {
  type DestinationEndpoints,
  destinationWorkloads,
} from '../graph/routing/destination-workloads.js';
import type { EffectiveDestination } from '../graph/routing/route-types.js';
import { findPort, workloadPortFor } from '../graph/services/service-registry.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import { checkEndpoint, type EndpointCheck } from './endpoint-checks.js';
import type { SimulatedHttpRequest } from './simulate-request-input.js';
import type { SimulationProxy } from './simulate-source.js';
import type { SimulateDestination } from './simulate-types.js';
import { trafficPolicyFor } from './traffic-policy-for.js';

export interface DeliveryOptions {
  readonly protocol: 'http' | 'tcp';
  /** Evaluate TLS and authorization at each endpoint (false for redirects, aborts…). */
  readonly evaluate: boolean;
  /** Kube-proxy delivery: plaintext without identity, no DestinationRule. */
  readonly forcePlaintext: boolean;
}

export interface DescribedDestinations {
  readonly destinations: SimulateDestination[];
  /** Endpoint checks of destinations with weight > 0, in destination then workload order. */
  readonly checks: EndpointCheck[];
  readonly notes: string[];
}

/** R7 — DestinationRules apply to sidecars and gateways (not to plain clients or kube-proxy). */
export function endpointsOf(
  graph: MeshGraph,
  proxy: SimulationProxy,
  destination: EffectiveDestination,
  options: DeliveryOptions,
): DestinationEndpoints {
  if (proxy.kind === 'plain' || options.forcePlaintext) {
    const service = destination.service;
    const workloads = service === null ? [] : (graph.services.endpoints.get(service.uid) ?? []);
    return { workloads, destinationRule: null, subsetFound: true, tlsMode: null };
  }
  const client =
    proxy.kind === 'gateway'
      ? { namespace: proxy.workload.namespace, labels: null }
      : { namespace: proxy.namespace, labels: proxy.labels };
  return destinationWorkloads(graph, client, destination);
}

/** Why a destination delivers nothing, if it does not (Envoy's answer in each case). */
function emptinessNote(
  destination: EffectiveDestination,
  endpoints: DestinationEndpoints,
): string | null {
  const where = `${destination.host}${destination.subset === null ? '' : ` subset ${destination.subset}`}`;
  const service = destination.service;
  if (service === null) {
    return `${destination.host} is not a service this proxy knows: no cluster, Envoy answers 503`;
  }
  if (!endpoints.subsetFound) {
    return `subset ${destination.subset ?? ''} of ${destination.host} is not defined by the DestinationRule the client applies (R7): no cluster, Envoy answers 503`;
  }
  if (destination.port !== null && findPort(service, destination.port) === null) {
    return `${destination.host} has no port ${String(destination.port)}: Envoy answers 503`;
  }
  if (endpoints.workloads.length > 0) {
    return null;
  }
  if (service.externalEndpoints.length > 0) {
    return `${where} is served by endpoints outside the snapshot's workloads (${service.externalEndpoints.join(', ')})`;
  }
  if (service.kind === 'ServiceEntry' && service.selector === null) {
    return `${where} is a ServiceEntry without endpoints (resolution ${service.resolution ?? 'NONE'}): traffic goes to the address the client resolved`;
  }
  return `no workload behind ${where}: no healthy upstream, Envoy answers 503`;
}

function destinationNotes(
  destination: EffectiveDestination,
  endpoints: DestinationEndpoints,
  several: boolean,
): string[] {
  const notes: string[] = [];
  const ruleNote = endpoints.destinationRule?.note ?? null;
  if (ruleNote !== null) {
    notes.push(ruleNote);
  }
  if (several && destination.weight <= 0) {
    const subset = destination.subset === null ? '' : ` subset ${destination.subset}`;
    notes.push(`${destination.host}${subset} has weight 0 and receives nothing (R11)`);
  }
  const empty = emptinessNote(destination, endpoints);
  return empty === null ? notes : [...notes, empty];
}

function endpointChecks(
  graph: MeshGraph,
  proxy: SimulationProxy,
  destination: EffectiveDestination,
  endpoints: DestinationEndpoints,
  request: SimulatedHttpRequest,
  options: DeliveryOptions,
): EndpointCheck[] {
  if (!options.evaluate || destination.weight <= 0) {
    return [];
  }
  const service = destination.service;
  const servicePort =
    service === null || destination.port === null ? null : findPort(service, destination.port);
  return endpoints.workloads.map((workload) => {
    const port =
      servicePort === null
        ? (destination.port ?? request.port)
        : workloadPortFor(servicePort, workload);
    const target = {
      workload,
      port,
      drTlsMode: endpoints.tlsMode,
      protocol: options.protocol,
      forcePlaintext: options.forcePlaintext,
    };
    return checkEndpoint(graph, proxy, target, request);
  });
}

function describeOne(
  graph: MeshGraph,
  proxy: SimulationProxy,
  destination: EffectiveDestination,
  request: SimulatedHttpRequest,
  options: DeliveryOptions & { readonly several: boolean },
): { json: SimulateDestination; checks: EndpointCheck[]; notes: string[] } {
  const endpoints = endpointsOf(graph, proxy, destination, options);
  const rule = endpoints.destinationRule;
  const subset = destination.subset === null ? null : findSubset(rule, destination.subset);
  const checks = endpointChecks(graph, proxy, destination, endpoints, request, options);
  const json: SimulateDestination = {
    host: destination.host,
    subset: destination.subset,
    port: destination.port,
    weight: destination.weight,
    workloads: endpoints.workloads.map((w) => w.id),
    destinationRules: rule?.from ?? [],
    trafficPolicy:
      rule === null
        ? null
        : trafficPolicyFor(rule.trafficPolicy, subset?.trafficPolicy ?? null, destination.port),
    endpoints: checks.map((c) => c.endpoint),
  };
  return { json, checks, notes: destinationNotes(destination, endpoints, options.several) };
}

/**
 * The weighted destinations of the chosen route (R11 weights and ports as the graph computed
 * them), the workloads behind each (service selector, then DestinationRule subset labels, R7) and,
 * when asked, each workload's TLS and authorization verdict.
 */
export function describeDestinations(
  graph: MeshGraph,
  proxy: SimulationProxy,
  destinations: readonly EffectiveDestination[],
  request: SimulatedHttpRequest,
  options: DeliveryOptions,
): DescribedDestinations {
  const out: DescribedDestinations = { destinations: [], checks: [], notes: [] };
  for (const destination of destinations) {
    const one = describeOne(graph, proxy, destination, request, {
      ...options,
      several: destinations.length > 1,
    });
    out.destinations.push(one.json);
    out.checks.push(...one.checks);
    out.notes.push(...one.notes);
  }
  return out;
}
