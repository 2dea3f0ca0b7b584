import type { ResourceKey } from '../model/resource.js';
import type { ResourceOrder } from './policy-types.js';

/**
 * Default "oldest first" order when no creation time is known: name, then namespace — the
 * tie-break of `configCompareByCreationTime` (istio/istio:pilot/pkg/model/config.go, SEMANTICS R12).
 * Callers diffing two versions pass their own order (base-version objects first).
 */
export const byNameThenNamespace: ResourceOrder = (a: ResourceKey, b: ResourceKey): number => {
  if (a.name !== b.name) {
    return a.name < b.name ? -1 : 1;
  }
  if (a.namespace !== b.namespace) {
    return a.namespace < b.namespace ? -1 : 1;
  }
  return 0;
};

/** `<namespace>/<name>`, the id used in `decidedBy`. */
export function policyId(key: ResourceKey): string {
  return `${key.namespace}/${key.name}`;
}

/** Label selector semantics of `labels.Instance.SubsetOf`: every selector pair is on the workload. */
export function selectorMatches(
  selector: Readonly<Record<string, string>>,
  labels: Readonly<Record<string, string>>,
): boolean {
  for (const [k, v] of Object.entries(selector)) {
    if (labels[k] !== v) {
      return false;
    }
  }
  return true;
}
