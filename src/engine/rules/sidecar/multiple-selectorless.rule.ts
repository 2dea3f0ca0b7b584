import type { Rule } from '../rule.js';
import { isAmbientNamespace } from '../shared/ambient-mode.js';
import { workloadSelectorOf } from '../shared/policy-selectors.js';
import { groupBySelector, namesOf } from '../shared/selector-overlaps.js';

/**
 * One namespace-wide Sidecar per namespace (`DefaultSelectorAnalyzer`, istio/istio:pkg/config/
 * analysis/analyzers/sidecar/defaultselector.go@86c9f01f; Kiali `generic.multimatch.selectorless`).
 * A namespace in ambient mode has no sidecars to configure: its Sidecars are reported as
 * ineffective instead (sidecar/ineffective-in-ambient; selector.go at istio/istio master).
 */
export const multipleSelectorlessSidecarsRule: Rule = {
  id: 'sidecar/multiple-selectorless',
  description: 'Flags namespaces with more than one Sidecar without workloadSelector.',
  inputs: ['Sidecar', 'Namespace', 'Workload'],
  messages: ['multipleSelectorlessSidecars'],
  check(ctx) {
    const groups = groupBySelector(ctx, ctx.ofKind('Sidecar'), workloadSelectorOf);
    for (const [namespace, sidecars] of groups.selectorless) {
      if (sidecars.length > 1 && !isAmbientNamespace(ctx, namespace)) {
        const names = namesOf(sidecars);
        for (const sidecar of sidecars) {
          ctx.report('multipleSelectorlessSidecars', sidecar, 'spec', {
            sidecars: names,
            namespace,
          });
        }
      }
    }
  },
};
