import { isSelectorEmpty } from '../../graph/util/labels.js';
import type { Resource } from '../../model/resource.js';
import type { Rule, RuleContext } from '../rule.js';
import { workloadSelectorOf } from '../shared/policy-selectors.js';
import { isAmbientNamespace, isAmbientWorkload } from '../shared/ambient-mode.js';

/** The reason the Sidecar does nothing, or null when it applies to some sidecar proxy. */
function ineffectiveReason(ctx: RuleContext, sidecar: Resource): string | null {
  const selector = workloadSelectorOf(sidecar);
  const namespace = sidecar.key.namespace;
  if (isSelectorEmpty(selector)) {
    return isAmbientNamespace(ctx, namespace)
      ? 'namespace is in ambient mode, the policy has no impact'
      : null;
  }
  const selected = ctx.graph.workloadsByNamespace.get(namespace)?.select(selector ?? {}) ?? [];
  return selected.some(isAmbientWorkload)
    ? 'selected workload is in ambient mode, the policy has no impact'
    : null;
}

/**
 * A Sidecar resource has no effect on workloads in ambient mode: a selectorless one in a
 * namespace in ambient mode, or one selecting a pod enrolled in ambient (annotation
 * `ambient.istio.io/redirection=enabled`, set on running pods) (`SelectorAnalyzer`,
 * istio/istio:pkg/config/analysis/analyzers/sidecar/selector.go).
 */
export const ineffectiveInAmbientRule: Rule = {
  id: 'sidecar/ineffective-in-ambient',
  description: 'Flags Sidecar resources that only apply to workloads in ambient mode.',
  inputs: ['Sidecar', 'Namespace', 'Workload'],
  messages: ['ineffectiveSidecarInAmbient'],
  check(ctx) {
    for (const sidecar of ctx.ofKind('Sidecar')) {
      const reason = ineffectiveReason(ctx, sidecar);
      if (reason !== null) {
        const path = isSelectorEmpty(workloadSelectorOf(sidecar))
          ? 'metadata.namespace'
          : 'spec.workloadSelector.labels';
        ctx.report('ineffectiveSidecarInAmbient', sidecar, path, { reason });
      }
    }
  },
};
