import type { ImpactReport, ReachabilityEdgeChange } from '../impact/impact-report.js';
import { destinationKey, gatewayKey } from './routing-paths.js';
import type { GraphBuilder } from './traffic-graph.js';
import { inferredWorkloadLinks } from './workload-links.js';

export const workloadKey = (workload: string): string => `workload|${workload}`;

/** More in-mesh callers than this for one workload are drawn as one "N workloads" node. */
const MAX_SOURCES = 3;
const EXTERNAL = 'external:';

function addSources(
  builder: GraphBuilder,
  to: string,
  edges: readonly ReachabilityEdgeChange[],
  status: 'lost' | 'gained',
): void {
  const target = builder.node(workloadKey(to), 'workload', to);
  const callers: string[] = [];
  for (const edge of edges) {
    if (edge.from.startsWith(EXTERNAL)) {
      const gateway = edge.from.slice(EXTERNAL.length);
      builder.edge(builder.node(gatewayKey(gateway), 'gateway', gateway), target, status);
    } else {
      callers.push(edge.from);
    }
  }
  if (callers.length > MAX_SOURCES) {
    const label = `${String(callers.length)} workloads`;
    const group = builder.node(`callers|${status}|${to}`, 'workload', label);
    builder.edge(group, target, status);
    return;
  }
  for (const caller of callers) {
    builder.edge(builder.node(workloadKey(caller), 'workload', caller), target, status);
  }
}

function groupByTarget(
  edges: readonly ReachabilityEdgeChange[],
): Map<string, ReachabilityEdgeChange[]> {
  const groups = new Map<string, ReachabilityEdgeChange[]>();
  for (const edge of edges) {
    const group = groups.get(edge.to);
    if (group === undefined) {
      groups.set(edge.to, [edge]);
    } else {
      group.push(edge);
    }
  }
  return groups;
}

/**
 * Workloads that became unreachable (red) or newly reachable (green), linked from the subset
 * that routed to them when that can be told (workload-links.ts); otherwise from the callers
 * that lost or gained them. A workload already on a drawn routing path gets no caller links:
 * the path says it.
 */
export function addReachabilityPaths(builder: GraphBuilder, report: ImpactReport): void {
  for (const workload of report.unreachableWorkloads) {
    builder.node(workloadKey(workload.workload), 'workload', workload.workload, 'lost');
  }
  for (const workload of report.newlyReachableWorkloads) {
    builder.node(workloadKey(workload.workload), 'workload', workload.workload, 'gained');
  }
  const onPath = new Set<string>();
  for (const link of inferredWorkloadLinks(report)) {
    builder.edge(destinationKey(link.shift), workloadKey(link.workload), link.status, '', true);
    onPath.add(link.workload);
  }
  for (const [edges, status] of [
    [report.reachability.lost, 'lost'],
    [report.reachability.gained, 'gained'],
  ] as const) {
    for (const [to, group] of groupByTarget(edges)) {
      if (!onPath.has(to)) {
        addSources(builder, to, group, status);
      }
    }
  }
}
