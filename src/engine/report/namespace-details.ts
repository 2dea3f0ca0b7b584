import type { ReportResourceChange } from '../impact/impact-report.js';
import { escapeHtml, escapeText, inlineCode } from './markdown-text.js';
import { byResource, sorted } from './report-order.js';
import { isSecretKind } from './secret-guard.js';
import { renderFieldDiff } from './field-diff.js';

function groupByNamespace(
  resources: readonly ReportResourceChange[],
): Map<string, ReportResourceChange[]> {
  const groups = new Map<string, ReportResourceChange[]>();
  for (const resource of sorted(resources, byResource)) {
    const group = groups.get(resource.namespace) ?? [];
    group.push(resource);
    groups.set(resource.namespace, group);
  }
  return groups;
}

function countText(resources: readonly ReportResourceChange[]): string {
  const parts = (['added', 'removed', 'modified'] as const)
    .map((change) => [change, resources.filter((r) => r.change === change).length] as const)
    .filter(([, count]) => count > 0)
    .map(([change, count]) => `${String(count)} ${change}`);
  return parts.join(', ');
}

/** One object: a Secret is named and nothing more, whatever the report carries. */
function resourceBlock(resource: ReportResourceChange, withFields: boolean): string[] {
  const renamed =
    resource.renamedFrom === undefined ? '' : ` (renamed from ${inlineCode(resource.renamedFrom)})`;
  const head = `**${escapeText(resource.kind)}** ${inlineCode(resource.name)} · ${resource.change}${renamed}`;
  if (isSecretKind(resource.kind)) {
    return [`${head} · values not shown`, ''];
  }
  if (!withFields || resource.fields.length === 0) {
    return [head, ''];
  }
  return [head, '', renderFieldDiff(resource.fields), ''];
}

/** `<details>` per namespace listing its changed objects, with field diffs when `withFields`. */
export function renderNamespaceDetails(
  resources: readonly ReportResourceChange[],
  withFields: boolean,
): string {
  const blocks: string[] = [];
  for (const [namespace, group] of groupByNamespace(resources)) {
    const label =
      namespace === '' ? 'Cluster-scoped' : `Namespace <code>${escapeHtml(namespace)}</code>`;
    blocks.push(
      `<details><summary>${label}: ${countText(group)}</summary>`,
      '',
      ...group.flatMap((resource) => resourceBlock(resource, withFields)),
      '</details>',
      '',
    );
  }
  return blocks.join('\n').trimEnd();
}
