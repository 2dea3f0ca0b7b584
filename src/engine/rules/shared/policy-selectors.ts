import type { WorkloadInfo } from '../../graph/types/workload.js';
import { objectAt, pathObject, stringMapAt } from './json.js';
import type { Labels } from '../../graph/util/labels.js';
import type { Resource } from '../../model/resource.js';
import type { RuleContext } from '../rule.js';
import { specOf } from './resource-fields.js';
import { allWorkloads } from './workload-services.js';

/** `spec.selector.matchLabels` (security and telemetry kinds); null when there is no selector. */
export function matchLabelsOf(resource: Resource): Labels | null {
  const selector = objectAt(specOf(resource), 'selector');
  return selector === null ? null : stringMapAt(selector, 'matchLabels');
}

/** `spec.workloadSelector.labels` (Sidecar, EnvoyFilter, DestinationRule). */
export function workloadSelectorOf(resource: Resource): Labels | null {
  const selector = pathObject(specOf(resource), 'workloadSelector');
  return selector === null ? null : stringMapAt(selector, 'labels');
}

/** Workloads of `namespace` (every namespace when null) whose labels ⊇ selector. */
export function selectWorkloads(
  ctx: RuleContext,
  namespace: string | null,
  selector: Labels,
): readonly WorkloadInfo[] {
  if (namespace === null) {
    return allWorkloads(ctx).select(selector);
  }
  return ctx.graph.workloadsByNamespace.get(namespace)?.select(selector) ?? [];
}
