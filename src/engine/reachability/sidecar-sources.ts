import { type SidecarView, sidecarView } from '../graph/routing/sidecar-view.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import type { WorkloadInfo } from '../graph/types/workload.js';
import { pushTo } from '../graph/util/compare.js';
import type { Labels } from '../graph/util/labels.js';

/** Sidecar sources that see the same configuration: one evaluation serves them all. */
export interface SidecarGroup {
  readonly key: string;
  readonly namespace: string;
  /** A member's labels (the members agree on every label routing reads). */
  readonly labels: Labels;
  readonly view: SidecarView;
  /** The routing-relevant labels (see {@link routingSignature}). */
  readonly signature: string;
  /** Members per SPIFFE identity (authorization is evaluated per identity). */
  readonly byIdentity: ReadonlyMap<string, readonly WorkloadInfo[]>;
}

/**
 * Label values routing reads from a client: `sourceLabels` of any match and DestinationRule
 * selectors, per key. A label whose value no selector names behaves like an absent one.
 */
export function routingLabelValues(graph: MeshGraph): Map<string, Set<string>> {
  const values = new Map<string, Set<string>>();
  const add = (labels: Labels | null): void => {
    for (const [key, value] of Object.entries(labels ?? {})) {
      const set = values.get(key) ?? new Set<string>();
      set.add(value);
      values.set(key, set);
    }
  };
  for (const vs of graph.virtualServices.all) {
    for (const rule of [...vs.http, ...vs.tcp, ...vs.tls]) {
      rule.matches.forEach((m) => {
        add(m.sourceLabels);
      });
    }
  }
  for (const rule of graph.destinationRules.rules) {
    add(rule.selector);
  }
  return values;
}

/** The part of a client's labels routing can see: `key=value` only for values some selector names. */
export function routingSignature(
  labels: Labels,
  values: ReadonlyMap<string, ReadonlySet<string>>,
): string {
  const parts: string[] = [];
  for (const [key, known] of values) {
    const value = labels[key];
    if (value !== undefined && known.has(value)) {
      parts.push(`${key}=${value}`);
    }
  }
  return parts.sort().join(',');
}

/** Groups in-mesh, non-gateway workloads by namespace, Sidecar scope and routing-relevant labels. */
export function groupSidecarSources(graph: MeshGraph): SidecarGroup[] {
  const values = routingLabelValues(graph);
  const groups = new Map<
    string,
    { group: Omit<SidecarGroup, 'byIdentity'>; byIdentity: Map<string, WorkloadInfo[]> }
  >();
  for (const workload of graph.workloads) {
    if (!workload.inMesh || workload.isGatewayProxy) {
      continue;
    }
    const scope = graph.sidecars.scopeFor(workload.namespace, workload.labels);
    const signature = routingSignature(workload.labels, values);
    const key = `${scope.key}|${signature}`;
    let entry = groups.get(key);
    if (entry === undefined) {
      const view = sidecarView(graph, scope);
      const group = {
        key,
        namespace: workload.namespace,
        labels: workload.labels,
        view,
        signature,
      };
      entry = { group, byIdentity: new Map() };
      groups.set(key, entry);
    }
    pushTo(entry.byIdentity, workload.identity, workload);
  }
  return [...groups.values()].map((e) => ({ ...e.group, byIdentity: e.byIdentity }));
}
