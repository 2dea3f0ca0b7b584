import type { ImpactReport, ImpactSummary, Risk } from '../impact/impact-report.js';
import { escapeText, plural } from './markdown-text.js';
import type { RenderMarkdownOptions } from './report-options.js';
import { comparisonLabel, environmentOf } from './report-refs.js';
import { hasTrafficImpact, isNoChange } from './report-status.js';

const RISK_WORDS: Readonly<Record<Risk, string>> = {
  none: 'no risk found',
  low: 'low risk',
  medium: 'medium risk',
  high: 'high risk',
};

/**
 * The counts worth reading, most consequential first; zero counts are left out. Lost connections
 * are counted from the report's edges (the summary has no such count): a change that cuts one
 * caller off a service leaves every workload reachable, and would otherwise read as harmless.
 */
function countPhrases(report: ImpactReport): string[] {
  const summary: ImpactSummary = report.summary;
  const lost = report.reachability.lost.length;
  const phrases: [number, string][] = [
    [
      summary.workloadsUnreachable,
      plural(summary.workloadsUnreachable, 'workload') + ' unreachable',
    ],
    [lost, plural(lost, 'connection') + ' lost'],
    [summary.exposuresLost, plural(summary.exposuresLost, 'exposure') + ' lost'],
    [summary.findingsIntroduced, plural(summary.findingsIntroduced, 'finding') + ' introduced'],
    [
      summary.workloadsNewlyReachable,
      plural(summary.workloadsNewlyReachable, 'workload') + ' newly reachable',
    ],
    [summary.exposuresGained, plural(summary.exposuresGained, 'exposure') + ' gained'],
    [summary.hostsChanged, plural(summary.hostsChanged, 'host') + ' changed'],
    [summary.routesChanged, plural(summary.routesChanged, 'route') + ' changed'],
    [summary.findingsResolved, plural(summary.findingsResolved, 'finding') + ' resolved'],
    [summary.resourcesChanged, plural(summary.resourcesChanged, 'resource') + ' changed'],
  ];
  return phrases.filter(([count]) => count > 0).map(([, phrase]) => phrase);
}

/** Risk `none` with nothing but object edits reads as what it is: no traffic impact. */
function riskWords(report: ImpactReport): string {
  return report.summary.risk === 'none' && !hasTrafficImpact(report)
    ? 'no traffic impact'
    : RISK_WORDS[report.summary.risk];
}

/** `high risk: 1 workload unreachable, 2 routes changed` — plain text (commit status, logs). */
export function verdictText(report: ImpactReport): string {
  if (isNoChange(report)) {
    return 'no change';
  }
  const counts = countPhrases(report);
  const risk = riskWords(report);
  return counts.length === 0 ? risk : `${risk}: ${counts.join(', ')}`;
}

/** The first line of the comment: who, the verdict, the counts and what was compared. */
export function renderVerdict(report: ImpactReport, options: RenderMarkdownOptions): string {
  const env = environmentOf(report, options);
  const who = env === undefined ? 'meshlens' : `meshlens · ${escapeText(env)}`;
  const compared = escapeText(comparisonLabel(report, options));
  if (isNoChange(report)) {
    return `**${who}: no change**: nothing differs (${compared}).`;
  }
  const counts = countPhrases(report);
  const details = counts.length === 0 ? '' : ` ${counts.join(', ')}`;
  return `**${who}: ${riskWords(report)}**${details === '' ? '' : ' —'}${details} (${compared})`;
}
