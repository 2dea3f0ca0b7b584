import {
  lookupDestinationRules,
  selectDestinationRule,
} from '../destination-rules/destination-rule-index.js';
import { drTlsModeForPort } from '../../policy/client-tls.js';
import { findSubset } from '../destination-rules/traffic-policy.js';
import type { MergedDestinationRule } from '../types/destination-rule.js';
import type { MeshGraph } from '../types/mesh-graph.js';
import type { WorkloadInfo } from '../types/workload.js';
import { type Labels, selectorMatches } from '../util/labels.js';
import type { EffectiveDestination } from './route-types.js';

/** The client side a DestinationRule is looked up for (R7): namespace, and labels for sidecars. */
export interface DestinationClient {
  readonly namespace: string;
  /** Null for gateways (DestinationRule workloadSelectors are ignored there). */
  readonly labels: Labels | null;
}

export interface DestinationEndpoints {
  readonly workloads: readonly WorkloadInfo[];
  readonly destinationRule: MergedDestinationRule | null;
  /** False when a subset is named but the applicable DestinationRule does not define it. */
  readonly subsetFound: boolean;
  /** DestinationRule `tls.mode` for this subset and port (null = auto mTLS decides). */
  readonly tlsMode: string | null;
}

/** R7 — the DestinationRule a client applies to a service host. */
export function destinationRuleFor(
  graph: MeshGraph,
  client: DestinationClient,
  host: string,
  serviceNamespace: string | null,
): MergedDestinationRule | null {
  const candidates = lookupDestinationRules(
    graph.destinationRules,
    client.namespace,
    host,
    serviceNamespace,
  );
  return selectDestinationRule(candidates, client.namespace, client.labels);
}

/**
 * The workloads behind a destination (SEMANTICS §0 "Reachability"): the service's endpoints and,
 * for a subset, the subset labels of the DestinationRule the client applies (R7).
 */
export function destinationWorkloads(
  graph: MeshGraph,
  client: DestinationClient,
  destination: EffectiveDestination,
): DestinationEndpoints {
  const service = destination.service;
  if (service === null) {
    return {
      workloads: [],
      destinationRule: null,
      subsetFound: destination.subset === null,
      tlsMode: null,
    };
  }
  const rule = destinationRuleFor(graph, client, service.hostname, service.namespace);
  const endpoints = graph.services.endpoints.get(service.uid) ?? [];
  const subset = destination.subset === null ? null : findSubset(rule, destination.subset);
  // R7: top-level policy, its port-level override, then the subset's (`MergeTrafficPolicy`).
  const tlsMode =
    rule === null
      ? null
      : drTlsModeForPort(rule.trafficPolicy, destination.port, subset?.trafficPolicy ?? null);
  if (destination.subset === null) {
    return { workloads: endpoints, destinationRule: rule, subsetFound: true, tlsMode };
  }
  if (subset === null) {
    return { workloads: [], destinationRule: rule, subsetFound: false, tlsMode };
  }
  return {
    workloads: endpoints.filter((w) => selectorMatches(subset.labels, w.labels)),
    destinationRule: rule,
    subsetFound: true,
    tlsMode,
  };
}
