import type { RuleReuse } from '../analyze/rule-reuse.js';
import { diffResources } from '../diff/diff-resources.js';
import type { GraphOptions } from '../graph/options.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import type { Resource } from '../model/resource.js';
import type { Reachability } from '../reachability/reachability-types.js';
import { affectedHosts } from './affected-hosts.js';
import { addsObjects, type ChangeSet, detectChanges } from './changed-resources.js';
import { diffExposures } from './exposure-diff.js';
import { diffFindings } from './findings-diff.js';
import { creationRank, resolveSide, resolveTarget } from './target-side.js';
import type { ImpactReport, ReportFinding, SnapshotRef } from './impact-report.js';
import { diffReachability } from './reachability-diff.js';
import { assessRisk } from './risk.js';
import { diffRouting } from './routing-diff.js';

export interface ImpactSnapshot {
  readonly resources: readonly Resource[];
  readonly ref: SnapshotRef;
}

/** Findings of one snapshot, perhaps limited to some codes (the others are the base's). */
export interface ScopedReportFindings {
  readonly findings: readonly ReportFinding[];
  /** The MESH codes the list covers; null: every code. */
  readonly codes: ReadonlySet<string> | null;
}

/**
 * Validation findings of one snapshot (the validations catalog); the impact diffs two runs. Given
 * `reuse` (the target side), it may leave out codes whose findings cannot differ from the base's.
 */
export type FindingsProvider = (
  resources: readonly Resource[],
  graph: MeshGraph,
  /** For the target: the base's graph and what changed, so unaffected results can be reused. */
  reuse?: RuleReuse,
) => ScopedReportFindings;

export interface ImpactOptions {
  /** How snapshots are interpreted (cluster domain, assumptions); creation order is set here. */
  readonly graph?: Omit<GraphOptions, 'creationOrder'>;
  /** Stored content hashes, so unchanged objects are skipped without a deep compare. */
  readonly hashOf?: (resource: Resource) => string;
  readonly findings?: FindingsProvider;
  /** Resolved base graph and reachability, when the caller cached them for this version. */
  readonly baseResolved?: { readonly graph: MeshGraph; readonly reach: Reachability };
  /** The base snapshot's findings (what `findings` gives for it), when the caller cached them. */
  readonly baseFindings?: readonly ReportFinding[];
  /**
   * Derive the target's reachability from the base's where the change cannot affect it (default
   * true). False computes it in full: the same report, slower (kept to check that claim).
   */
  readonly incremental?: boolean;
}

export interface ImpactInput {
  readonly base: ImpactSnapshot;
  readonly target: ImpactSnapshot;
  readonly options?: ImpactOptions;
}

/** Said in words a PR reader follows; SEMANTICS R12 is the rule behind it. */
const ORDER_NOTE =
  'Creation order: where Istio lets the oldest of two conflicting objects win, manifests carry no creation time, so objects already in the base version count as older than those the change adds, then by name and namespace (R12).';

/**
 * What a change does (contracts/impact-report.md): resource diff, routing diff per host and
 * vantage point, reachability and exposure diffs, findings introduced/resolved, risk, notes.
 */
export function computeImpact(input: ImpactInput): ImpactReport {
  const options = input.options ?? {};
  const baseSide = options.baseResolved ?? resolveSide(input.base.resources, options.graph ?? {});
  const changed =
    options.incremental === false
      ? null
      : detectChanges(input.base.resources, input.target.resources, options.hashOf);
  // With no object added every object ranks alike (R12), so no rank orders as the rank would.
  const ranked = changed === null || addsObjects(changed);
  const target = resolveTarget(input.target.resources, baseSide, changed?.ids ?? null, {
    ...options.graph,
    ...(ranked ? { creationOrder: creationRank(input.base.resources) } : {}),
  });
  const changes = resourceChanges(input, changed);
  const routing = diffRouting(
    baseSide.graph,
    target.graph,
    affectedHosts(changes, baseSide.graph, target.graph),
  );
  const reach = diffReachability(baseSide, target);
  const exposures = diffExposures(baseSide.reach.exposures, target.reach.exposures);
  const findings = findingsDiff(input, baseSide.graph, target.graph, changed?.ids ?? null);
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

/** The resource diff; unchanged objects make no entry, so it only needs the changed ones. */
function resourceChanges(input: ImpactInput, changed: ChangeSet | null): ImpactReport['resources'] {
  const { graph, hashOf } = input.options ?? {};
  return diffResources(
    changed?.before ?? input.base.resources,
    changed?.after ?? input.target.resources,
    {
      ...(graph?.clusterDomain === undefined ? {} : { clusterDomain: graph.clusterDomain }),
      ...(hashOf === undefined ? {} : { hashOf }),
    },
  );
}

/** Findings introduced/resolved; the target's analysis may reuse the base's (see rule-reuse). */
function findingsDiff(
  input: ImpactInput,
  base: MeshGraph,
  target: MeshGraph,
  changed: ReadonlySet<string> | null,
): ImpactReport['findings'] {
  const { findings, baseFindings } = input.options ?? {};
  if (findings === undefined) {
    return { introduced: [], resolved: [] };
  }
  // The base first: its run is what the target's may reuse.
  const before = baseFindings ?? findings(input.base.resources, base).findings;
  const after = findings(
    input.target.resources,
    target,
    changed === null ? undefined : { graph: base, changed },
  );
  const { codes } = after;
  return diffFindings(
    codes === null ? before : before.filter((f) => codes.has(f.code)),
    after.findings,
  );
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

function impactNotes(base: Reachability, target: Reachability, hasAdded: boolean): string[] {
  const notes = new Set([...base.notes, ...target.notes]);
  if (hasAdded) {
    notes.add(ORDER_NOTE);
  }
  return [...notes].sort();
}

export { resolveSide } from './target-side.js';
