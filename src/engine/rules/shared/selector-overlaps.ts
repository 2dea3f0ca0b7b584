import type { WorkloadInfo } from '../../graph/types/workload.js';
import { pushTo } from './json.js';
import type { Labels } from '../../graph/util/labels.js';
import type { Resource } from '../../model/resource.js';
import type { RuleContext } from '../rule.js';
import { selectWorkloads } from './policy-selectors.js';

export interface SelectorGroups {
  /** Objects without selector (or with an empty one), per namespace. */
  readonly selectorless: ReadonlyMap<string, readonly Resource[]>;
  /** Workload → objects of its namespace whose selector matches it (only when > 1). */
  readonly overlaps: ReadonlyMap<WorkloadInfo, readonly Resource[]>;
  /** Objects with a selector that matches no workload. */
  readonly unmatched: readonly Resource[];
}

/**
 * Groups namespace-scoped "one per workload" objects (Sidecar, Telemetry) by the workloads their
 * selector picks, so rules can report objects that share a workload or a namespace.
 */
export function groupBySelector(
  ctx: RuleContext,
  objects: readonly Resource[],
  selectorOf: (resource: Resource) => Labels | null,
): SelectorGroups {
  const selectorless = new Map<string, Resource[]>();
  const byWorkload = new Map<WorkloadInfo, Resource[]>();
  const unmatched: Resource[] = [];
  for (const object of objects) {
    const selector = selectorOf(object);
    const ns = object.key.namespace;
    if (selector === null || Object.keys(selector).length === 0) {
      pushTo(selectorless, ns, object);
      continue;
    }
    const workloads = selectWorkloads(ctx, ns, selector);
    if (workloads.length === 0) {
      unmatched.push(object);
    }
    for (const workload of workloads) {
      pushTo(byWorkload, workload, object);
    }
  }
  const overlaps = new Map([...byWorkload].filter(([, list]) => list.length > 1));
  return { selectorless, overlaps, unmatched };
}

export function namesOf(objects: readonly Resource[]): string[] {
  return objects.map((o) => o.key.name).sort();
}
