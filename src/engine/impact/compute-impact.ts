import { diffResources } from '../diff/diff-resources.js';
import type { GraphOptions } from '../graph/options.js';
import { resolveGraph } from '../graph/resolve-graph.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import { type Resource, resourceId } from '../model/resource.js';
import { computeReachability } from '../reachability/compute-reachability.js';
import type { Reachability } from '../reachability/reachability-types.js';
import { affectedHosts } from './affected-hosts.js';
import { diffExposures } from './exposure-diff.js';
import { diffFindings } from './findings-diff.js';
import type { ImpactReport, ReportFinding, SnapshotRef } from './impact-report.js';
import { diffReachability } from './reachability-diff.js';
import { assessRisk } from './risk.js';
import { diffRouting } from './routing-diff.js';

export interface ImpactSnapshot {
  readonly resources: readonly Resource[];
  readonly ref: SnapshotRef;
}

/** Validation findings of one snapshot (the validations catalog); the impact diffs two runs. */
export type FindingsProvider = (
  resources: readonly Resource[],
  graph: MeshGraph,
) => readonly ReportFinding[];

export interface ImpactOptions {
  /** How snapshots are interpreted (cluster domain, assumptions); creation order is set here. */
  readonly graph?: Omit<GraphOptions, 'creationOrder'>;
  /** Stored content hashes, so unchanged objects are skipped without a deep compare. */
  readonly hashOf?: (resource: Resource) => string;
  readonly findings?: FindingsProvider;
  /** Resolved base graph and reachability, when the caller cached them for this version. */
  readonly baseResolved?: { readonly graph: MeshGraph; readonly reach: Reachability };
}

export interface ImpactInput {
  readonly base: ImpactSnapshot;
  readonly target: ImpactSnapshot;
  readonly options?: ImpactOptions;
}

const ORDER_NOTE =
  'Creation order (R12): objects already in the base version are treated as older than objects the change adds; otherwise name, then namespace.';

/**
 * What a change does (contracts/impact-report.md): resource diff, routing diff per host and
 * vantage point, reachability and exposure diffs, findings introduced/resolved, risk, notes.
 */
export function computeImpact(input: ImpactInput): ImpactReport {
  const options = input.options ?? {};
  const baseIds = new Set(input.base.resources.map((r) => resourceId(r.key)));
  const baseSide = options.baseResolved ?? resolveSide(input.base.resources, options.graph ?? {});
  const target = resolveSide(input.target.resources, {
    ...options.graph,
    creationOrder: (key) => (baseIds.has(resourceId(key)) ? 0 : 1),
  });
  const changes = diffResources(input.base.resources, input.target.resources, {
    ...(options.graph?.clusterDomain === undefined
      ? {}
      : { clusterDomain: options.graph.clusterDomain }),
    ...(options.hashOf === undefined ? {} : { hashOf: options.hashOf }),
  });
  const routing = diffRouting(
    baseSide.graph,
    target.graph,
    affectedHosts(changes, baseSide.graph, target.graph),
  );
  const reach = diffReachability(baseSide, target);
  const exposures = diffExposures(baseSide.reach.exposures, target.reach.exposures);
  const findings = options.findings
    ? diffFindings(
        options.findings(input.base.resources, baseSide.graph),
        options.findings(input.target.resources, target.graph),
      )
    : { introduced: [], resolved: [] };
  const body: ReportBody = {
    resources: changes,
    hosts: routing.hosts,
    routes: routing.routes,
    reachability: { lost: reach.lost, gained: reach.gained },
    unreachableWorkloads: reach.unreachable,
    newlyReachableWorkloads: reach.newlyReachable,
    exposures,
    findings,
  };
  return {
    schemaVersion: 1,
    base: input.base.ref,
    target: input.target.ref,
    summary: summarize(body),
    ...body,
    notes: impactNotes(
      baseSide.reach,
      target.reach,
      changes.some((c) => c.change === 'added'),
    ),
  };
}

type ReportBody = Omit<ImpactReport, 'schemaVersion' | 'base' | 'target' | 'summary' | 'notes'>;

function summarize(body: ReportBody): ImpactReport['summary'] {
  return {
    risk: assessRisk(body),
    resourcesChanged: body.resources.length,
    hostsChanged: new Set(body.hosts.map((h) => h.host)).size,
    routesChanged: body.routes.length,
    workloadsUnreachable: body.unreachableWorkloads.length,
    workloadsNewlyReachable: body.newlyReachableWorkloads.length,
    exposuresLost: body.exposures.lost.length,
    exposuresGained: body.exposures.gained.length,
    findingsIntroduced: body.findings.introduced.length,
    findingsResolved: body.findings.resolved.length,
  };
}

export function resolveSide(
  resources: readonly Resource[],
  options: GraphOptions,
): { graph: MeshGraph; reach: Reachability } {
  const graph = resolveGraph(resources, options);
  return { graph, reach: computeReachability(graph) };
}

function impactNotes(base: Reachability, target: Reachability, hasAdded: boolean): string[] {
  const notes = new Set([...base.notes, ...target.notes]);
  if (hasAdded) {
    notes.add(ORDER_NOTE);
  }
  return [...notes].sort();
}
