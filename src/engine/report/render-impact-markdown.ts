import type { ImpactReport } from '../impact/impact-report.js';
import { renderImpactSection } from './impact-section.js';
import { renderKindSummary } from './kind-summary.js';
import { fitToBudget, type ReportSections } from './markdown-budget.js';
import { inlineCode } from './markdown-text.js';
import { renderTrafficChart } from './mermaid-flowchart.js';
import { renderNamespaceDetails } from './namespace-details.js';
import { DEFAULT_MARKDOWN_BUDGET, type RenderMarkdownOptions } from './report-options.js';
import { environmentOf, fullReportLink } from './report-refs.js';
import { isNoChange } from './report-status.js';
import { isSecretKind, redactReportSecrets } from './secret-guard.js';
import { buildTrafficGraph } from './traffic-graph.js';
import { renderVerdict } from './verdict.js';

function memo<K, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined) {
      return hit;
    }
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}

function fullReport(
  report: ImpactReport,
  options: RenderMarkdownOptions,
): ReportSections['fullReport'] {
  const url = fullReportLink(report, options);
  if (url !== undefined) {
    return { url };
  }
  const env = environmentOf(report, options);
  const command =
    options.serverUrl !== undefined && env !== undefined
      ? `meshlens impact --server ${options.serverUrl} --env ${env} --after …`
      : 'meshlens impact --before … --after …';
  return { hint: `The full report: ${inlineCode(command)}` };
}

function sectionsOf(report: ImpactReport, options: RenderMarkdownOptions): ReportSections {
  return {
    verdict: renderVerdict(report, options),
    impact: memo((cap: number | null) => renderImpactSection(report, cap)),
    chart: renderTrafficChart(buildTrafficGraph(report)),
    table: renderKindSummary(report.resources),
    details: memo((withFields: boolean) => renderNamespaceDetails(report.resources, withFields)),
    hasFieldDiffs: report.resources.some((r) => r.fields.length > 0 && !isSecretKind(r.kind)),
    fullReport: fullReport(report, options),
  };
}

/**
 * The PR comment body for an impact report (issue 6): a one-line verdict, "Impact", a mermaid
 * chart of the affected paths, a per-kind table and `<details>` per namespace with field diffs,
 * shortened to `budget` characters. Secrets are named, nothing more. Same report and options →
 * the same bytes (every list is sorted here; nothing depends on time or locale).
 */
export function renderImpactMarkdown(
  report: ImpactReport,
  options: RenderMarkdownOptions = {},
): string {
  const safe = redactReportSecrets(report);
  const budget = options.budget ?? DEFAULT_MARKDOWN_BUDGET;
  if (isNoChange(safe)) {
    return `${renderVerdict(safe, options)}\n\nThe manifests change no object, route or reachability.\n`;
  }
  return fitToBudget(sectionsOf(safe, options), budget);
}
