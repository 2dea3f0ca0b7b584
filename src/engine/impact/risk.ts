import type { ImpactReport, Risk } from './impact-report.js';

type RiskInputs = Pick<
  ImpactReport,
  | 'resources'
  | 'hosts'
  | 'routes'
  | 'reachability'
  | 'unreachableWorkloads'
  | 'newlyReachableWorkloads'
  | 'exposures'
  | 'findings'
>;

/**
 * The verdict, documented in docs/impact.md:
 * - high: a workload becomes unreachable, an exposure is lost, or an Error finding is introduced;
 * - medium: a reachability edge is lost, a new exposure appears (something becomes reachable
 *   from outside), or a Warning finding is introduced;
 * - low: routing changes (hosts, routes, weights), edges or workloads gained, Info findings;
 * - none: nothing that routing, reachability, exposures or findings can see (a changed object
 *   may still be listed in `resources`, e.g. a container image bump).
 */
export function assessRisk(r: RiskInputs): Risk {
  const introduced = r.findings.introduced;
  if (
    r.unreachableWorkloads.length > 0 ||
    r.exposures.lost.length > 0 ||
    introduced.some((f) => f.level === 'Error')
  ) {
    return 'high';
  }
  if (
    r.reachability.lost.length > 0 ||
    r.exposures.gained.length > 0 ||
    introduced.some((f) => f.level === 'Warning')
  ) {
    return 'medium';
  }
  if (
    r.hosts.length > 0 ||
    r.routes.length > 0 ||
    r.reachability.gained.length > 0 ||
    r.newlyReachableWorkloads.length > 0 ||
    introduced.length > 0
  ) {
    return 'low';
  }
  return 'none';
}

const ORDER: Record<Risk, number> = { none: 0, low: 1, medium: 2, high: 3 };

export function riskAtLeast(risk: Risk, threshold: Risk): boolean {
  return ORDER[risk] >= ORDER[threshold];
}
