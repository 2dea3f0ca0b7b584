import type { ReportResourceChange } from '../impact/impact-report.js';
import { escapeText } from './markdown-text.js';
import { compareText } from './report-order.js';

interface Counts {
  added: number;
  removed: number;
  modified: number;
}

/** "Changed resources": one row per kind with added / removed / modified counts, and a total. */
export function renderKindSummary(resources: readonly ReportResourceChange[]): string {
  const byKind = new Map<string, Counts>();
  const total: Counts = { added: 0, removed: 0, modified: 0 };
  for (const resource of resources) {
    const counts = byKind.get(resource.kind) ?? { added: 0, removed: 0, modified: 0 };
    counts[resource.change] += 1;
    total[resource.change] += 1;
    byKind.set(resource.kind, counts);
  }
  if (byKind.size === 0) {
    return '';
  }
  const row = (label: string, c: Counts): string =>
    `| ${label} | ${String(c.added)} | ${String(c.removed)} | ${String(c.modified)} |`;
  const kinds = [...byKind.keys()].sort(compareText);
  return [
    '### Changed resources',
    '',
    '| Kind | Added | Removed | Modified |',
    '| --- | ---: | ---: | ---: |',
    ...kinds.map((kind) => row(escapeText(kind), byKind.get(kind) ?? total)),
    ...(kinds.length > 1 ? [row('**Total**', total)] : []),
  ].join('\n');
}
