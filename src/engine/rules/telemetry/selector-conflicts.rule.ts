import type { Rule } from '../rule.js';
import { matchLabelsOf } from '../shared/policy-selectors.js';
import { groupBySelector, namesOf } from '../shared/selector-overlaps.js';

/**
 * One Telemetry per workload and one namespace-wide Telemetry per namespace
 * (`SelectorAnalyzer` / `DefaultSelectorAnalyzer`, istio/istio:pkg/config/analysis/analyzers/
 * telemetry@86c9f01f, IST0159/IST0160).
 */
export const telemetrySelectorConflictsRule: Rule = {
  id: 'telemetry/selector-conflicts',
  description:
    'Flags Telemetries that select a workload another Telemetry selects, and duplicate namespace-wide ones.',
  inputs: ['Telemetry', 'Workload'],
  messages: ['conflictingTelemetrySelectors', 'multipleSelectorlessTelemetries'],
  check(ctx) {
    const groups = groupBySelector(ctx, ctx.ofKind('Telemetry'), matchLabelsOf);
    for (const [workload, telemetries] of groups.overlaps) {
      const names = namesOf(telemetries);
      for (const telemetry of telemetries) {
        ctx.report('conflictingTelemetrySelectors', telemetry, 'spec.selector', {
          telemetries: names,
          namespace: workload.namespace,
          workload: workload.name,
        });
      }
    }
    for (const [namespace, telemetries] of groups.selectorless) {
      if (telemetries.length > 1) {
        const names = namesOf(telemetries);
        for (const telemetry of telemetries) {
          ctx.report('multipleSelectorlessTelemetries', telemetry, 'spec', {
            telemetries: names,
            namespace,
          });
        }
      }
    }
  },
};
