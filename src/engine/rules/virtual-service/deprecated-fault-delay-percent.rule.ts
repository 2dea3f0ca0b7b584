import { numberAt, objectsAt, pathObject } from '../shared/json.js';
import type { Rule } from '../rule.js';
import { fieldPath, specOf } from '../shared/resource-fields.js';

/**
 * `fault.delay.percent` is deprecated in favour of `percentage` (istio/api
 * networking/v1alpha3/virtual_service.proto; `FieldAnalyzer.analyzeVirtualService`,
 * istio/istio:pkg/config/analysis/analyzers/deprecation/deprecation.go@86c9f01f).
 */
export const deprecatedFaultDelayPercentRule: Rule = {
  id: 'virtual-service/deprecated-fault-delay-percent',
  description:
    'Flags HTTP routes whose fault delay still uses the deprecated integer `percent` field.',
  inputs: ['VirtualService'],
  subject: 'VirtualService',
  messages: ['deprecatedFaultDelayPercent'],
  check(ctx) {
    for (const vs of ctx.ofKind('VirtualService')) {
      objectsAt(specOf(vs), 'http').forEach((route, i) => {
        const percent = numberAt(pathObject(route, 'fault', 'delay'), 'percent');
        if (percent !== null && percent > 0) {
          const path = fieldPath('spec', 'http', i, 'fault', 'delay', 'percent');
          ctx.report('deprecatedFaultDelayPercent', vs, path, {});
        }
      });
    }
  },
};
