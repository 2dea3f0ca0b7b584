import { analyze, analyzeChanged } from './analyze/analyze.js';
import type { AnalyzeOptions } from './analyze/analyze-options.js';
import type { RuleReuse } from './analyze/rule-reuse.js';
import type { GraphOptions } from './graph/options.js';
import type { MeshGraph } from './graph/types/mesh-graph.js';
import {
  computeImpact,
  type ImpactInput,
  type ScopedReportFindings,
} from './impact/compute-impact.js';
import type { ImpactReport, ReportFinding } from './impact/impact-report.js';
import type { Finding } from './rules/finding.js';

/** A finding as the impact report prints it (contracts/impact-report.md `findings`). */
export function toReportFinding(f: Finding): ReportFinding {
  return {
    code: f.code,
    ...(f.istioCode === undefined ? {} : { istioCode: f.istioCode }),
    ...(f.kialiCode === undefined ? {} : { kialiCode: f.kialiCode }),
    level: f.level,
    resource: f.resource,
    path: f.path,
    ...(f.line === undefined ? {} : { line: f.line }),
    message: f.message,
  };
}

export interface SnapshotImpactOptions {
  readonly graph?: Omit<GraphOptions, 'creationOrder'>;
  /** Validation settings (disabled codes, level overrides, suppressions) for both sides. */
  readonly analyze?: Omit<AnalyzeOptions, 'graph' | 'graphOptions' | 'rules'>;
  readonly hashOf?: (resource: ImpactInput['base']['resources'][number]) => string;
  readonly baseResolved?: NonNullable<ImpactInput['options']>['baseResolved'];
  /** The base version's findings as `impactFindings` gave them (same options), when cached. */
  readonly baseFindings?: readonly ReportFinding[];
  /** False recomputes the target's reachability in full (same report; see computeImpact). */
  readonly incremental?: boolean;
}

function analyzeOptions(
  graph: MeshGraph,
  options: Pick<SnapshotImpactOptions, 'graph' | 'analyze'>,
  reuse: RuleReuse | undefined,
): AnalyzeOptions {
  return {
    ...options.analyze,
    graph,
    ...(reuse === undefined ? {} : { reuse }),
    ...(options.graph === undefined ? {} : { graphOptions: options.graph }),
  };
}

/**
 * The findings of one snapshot as an impact report compares them (what `impactOfChange` computes
 * for each side): a server may cache them per version and pass them back as `baseFindings`.
 */
export function impactFindings(
  resources: ImpactInput['base']['resources'],
  graph: MeshGraph,
  options: Pick<SnapshotImpactOptions, 'graph' | 'analyze'> = {},
  reuse?: RuleReuse,
): ReportFinding[] {
  return analyze(resources, analyzeOptions(graph, options, reuse)).map(toReportFinding);
}

/** As impactFindings, limited to the codes a reuse of the base's run left open (analyzeChanged). */
function scopedImpactFindings(
  resources: ImpactInput['base']['resources'],
  graph: MeshGraph,
  options: Pick<SnapshotImpactOptions, 'graph' | 'analyze'>,
  reuse: RuleReuse | undefined,
): ScopedReportFindings {
  const { findings, codes } = analyzeChanged(resources, analyzeOptions(graph, options, reuse));
  return { findings: findings.map(toReportFinding), codes };
}

/**
 * The full impact of a change: routing, reachability and exposures (computeImpact) plus the
 * validation findings it introduces or resolves, each snapshot analysed on its own graph.
 */
export function impactOfChange(
  base: ImpactInput['base'],
  target: ImpactInput['target'],
  options: SnapshotImpactOptions = {},
): ImpactReport {
  return computeImpact({
    base,
    target,
    options: {
      ...(options.graph === undefined ? {} : { graph: options.graph }),
      ...(options.hashOf === undefined ? {} : { hashOf: options.hashOf }),
      ...(options.baseResolved === undefined ? {} : { baseResolved: options.baseResolved }),
      ...(options.baseFindings === undefined ? {} : { baseFindings: options.baseFindings }),
      ...(options.incremental === undefined ? {} : { incremental: options.incremental }),
      findings: (resources, graph, reuse) => scopedImpactFindings(resources, graph, options, reuse),
    },
  });
}
