import type { ImpactReport } from '../../engine/index.js';
import { isNoChange } from '../../engine/report/report-status.js';
import { EXIT_CHANGES, EXIT_OK, EXIT_THRESHOLD } from '../exit-codes.js';

export const FAIL_ON_LEVELS = ['high', 'medium', 'error'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

/**
 * `--fail-on` as for `meshlens impact` (issue 4): `high` when the risk is high, `medium` when
 * it is medium or high, `error` when a finding of level Error is introduced.
 */
export function reachesThreshold(report: ImpactReport, failOn: FailOn | undefined): boolean {
  switch (failOn) {
    case undefined:
      return false;
    case 'high':
      return report.summary.risk === 'high';
    case 'medium':
      return report.summary.risk === 'medium' || report.summary.risk === 'high';
    case 'error':
      return report.findings.introduced.some((finding) => finding.level === 'Error');
  }
}

/** kubectl-diff style: 0 no change, 1 changes, 3 threshold reached (2, errors, is the caller's). */
export function exitCodeFor(report: ImpactReport, failOn: FailOn | undefined): number {
  if (reachesThreshold(report, failOn)) {
    return EXIT_THRESHOLD;
  }
  return isNoChange(report) ? EXIT_OK : EXIT_CHANGES;
}
