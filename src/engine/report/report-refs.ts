import type { ImpactReport, SnapshotRef } from '../impact/impact-report.js';
import type { RenderMarkdownOptions } from './report-options.js';
import { shortSha } from './markdown-text.js';

export function refLabel(ref: SnapshotRef): string {
  return 'source' in ref ? ref.source : `${ref.environment} v${String(ref.version)}`;
}

/** The environment to name: the option, else the one of a stored snapshot. */
export function environmentOf(
  report: ImpactReport,
  options: RenderMarkdownOptions,
): string | undefined {
  if (options.environment !== undefined && options.environment !== '') {
    return options.environment;
  }
  if ('environment' in report.base) {
    return report.base.environment;
  }
  return 'environment' in report.target ? report.target.environment : undefined;
}

/** `prod v41 → 1a2b3c4`: the target is named by its commit when one is known. */
export function comparisonLabel(report: ImpactReport, options: RenderMarkdownOptions): string {
  const target =
    options.headSha !== undefined && options.headSha !== ''
      ? shortSha(options.headSha)
      : refLabel(report.target);
  return `${refLabel(report.base)} → ${target}`;
}

/**
 * Where the whole report can be read: the explicit URL, else the server's diff endpoint when
 * both sides are stored versions of one environment (issue 4: `GET .../diff?from=&to=`).
 * A proposal that is not stored has no address; the caller says how to get the report instead.
 */
export function fullReportLink(
  report: ImpactReport,
  options: RenderMarkdownOptions,
): string | undefined {
  if (options.fullReportUrl !== undefined && options.fullReportUrl !== '') {
    return options.fullReportUrl;
  }
  const { base, target } = report;
  if (options.serverUrl === undefined || options.serverUrl === '') {
    return undefined;
  }
  if (!('version' in base) || !('version' in target) || base.environment !== target.environment) {
    return undefined;
  }
  const server = options.serverUrl.replace(/\/+$/, '');
  const env = encodeURIComponent(base.environment);
  return `${server}/api/v1/environments/${env}/diff?from=${String(base.version)}&to=${String(target.version)}`;
}
