import type { ImpactReport } from '../impact/impact-report.js';

/** True when the report says something about traffic or findings, not just object edits. */
export function hasTrafficImpact(report: ImpactReport): boolean {
  return (
    report.hosts.length > 0 ||
    report.routes.length > 0 ||
    report.reachability.lost.length > 0 ||
    report.reachability.gained.length > 0 ||
    report.unreachableWorkloads.length > 0 ||
    report.newlyReachableWorkloads.length > 0 ||
    report.exposures.lost.length > 0 ||
    report.exposures.gained.length > 0 ||
    report.findings.introduced.length > 0 ||
    report.findings.resolved.length > 0
  );
}

/** Nothing changed at all: no object and no effect (`meshlens impact` exits 0). */
export function isNoChange(report: ImpactReport): boolean {
  return (
    report.resources.length === 0 &&
    report.summary.resourcesChanged === 0 &&
    !hasTrafficImpact(report)
  );
}
