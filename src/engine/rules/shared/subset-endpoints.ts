import type { WorkloadInfo } from '../../graph/types/workload.js';
import { type Labels, selectorMatches } from '../../graph/util/labels.js';

/**
 * Answers by subset labels and endpoint list: both are immutable, and a routing-only change
 * shares the unchanged DestinationRules' readings and the service registry between the base
 * graph and the target graph, whose rules then reuse the base run's answers.
 */
const answers = new WeakMap<Labels, WeakMap<readonly WorkloadInfo[], boolean>>();

/** Whether a subset's labels select one of `endpoints` (SEMANTICS R7 subsets). */
export function subsetSelectsEndpoint(labels: Labels, endpoints: readonly WorkloadInfo[]): boolean {
  let byEndpoints = answers.get(labels);
  if (byEndpoints === undefined) {
    byEndpoints = new WeakMap();
    answers.set(labels, byEndpoints);
  }
  const known = byEndpoints.get(endpoints);
  if (known !== undefined) {
    return known;
  }
  const selects = endpoints.some((w) => selectorMatches(labels, w.labels));
  byEndpoints.set(endpoints, selects);
  return selects;
}
