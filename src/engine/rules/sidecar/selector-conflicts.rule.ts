import type { Rule } from '../rule.js';
import { isAmbientWorkload } from '../shared/ambient-mode.js';
import { selectorString } from '../shared/label-selector.js';
import { workloadSelectorOf } from '../shared/policy-selectors.js';
import { groupBySelector, namesOf } from '../shared/selector-overlaps.js';

/**
 * Sidecar selectors must match a workload of their namespace, and one workload must not be
 * selected by several Sidecars (`SelectorAnalyzer`, istio/istio:pkg/config/analysis/analyzers/
 * sidecar/selector.go@86c9f01f; Kiali `generic.selector.workloadnotfound`,
 * `generic.multimatch.selector`). Istio keeps only the oldest matching Sidecar (SEMANTICS R8).
 * A pod in ambient mode has no sidecar: Sidecars selecting it do not conflict (Istio reports them
 * as ineffective instead, sidecar/ineffective-in-ambient; selector.go at istio/istio master).
 */
export const sidecarSelectorConflictsRule: Rule = {
  id: 'sidecar/selector-conflicts',
  description:
    'Flags Sidecar selectors that match no workload, or a workload another Sidecar selects.',
  inputs: ['Sidecar', 'Workload'],
  messages: ['sidecarSelectorNoWorkloads', 'conflictingSidecarSelectors'],
  check(ctx) {
    const groups = groupBySelector(ctx, ctx.ofKind('Sidecar'), workloadSelectorOf);
    for (const sidecar of groups.unmatched) {
      const selector = selectorString(workloadSelectorOf(sidecar));
      ctx.report('sidecarSelectorNoWorkloads', sidecar, 'spec.workloadSelector.labels', {
        selector,
      });
    }
    for (const [workload, sidecars] of groups.overlaps) {
      if (isAmbientWorkload(workload)) {
        continue;
      }
      const names = namesOf(sidecars);
      for (const sidecar of sidecars) {
        ctx.report('conflictingSidecarSelectors', sidecar, 'spec.workloadSelector', {
          sidecars: names,
          namespace: workload.namespace,
          workload: workload.name,
        });
      }
    }
  },
};
