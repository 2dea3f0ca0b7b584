import type { WorkloadInfo } from '../../graph/types/workload.js';
import type { RuleContext } from '../rule.js';
import { labelsOf } from './resource-fields.js';

/** Set by the ambient CNI on running pods it redirects (`PodInAmbientMode`). */
const REDIRECTION = 'ambient.istio.io/redirection';

/**
 * `NamespaceInAmbientMode` (istio/istio:pkg/config/analysis/analyzers/util): labelled
 * `istio.io/dataplane-mode=ambient` and not labelled for sidecar injection (`istio-injection=enabled`
 * or a non-empty `istio.io/rev`). A namespace absent from the snapshot is not.
 */
export function isAmbientNamespace(ctx: RuleContext, name: string): boolean {
  const namespace = ctx.find('Namespace', '', name);
  if (namespace === undefined) {
    return false;
  }
  const labels = labelsOf(namespace);
  if (labels['istio-injection'] === 'enabled' || (labels['istio.io/rev'] ?? '') !== '') {
    return false;
  }
  return labels['istio.io/dataplane-mode'] === 'ambient';
}

/** `PodInAmbientMode`: a running pod the ambient CNI redirects (annotation set to `enabled`). */
export function isAmbientWorkload(workload: WorkloadInfo): boolean {
  return workload.annotations[REDIRECTION] === 'enabled';
}
