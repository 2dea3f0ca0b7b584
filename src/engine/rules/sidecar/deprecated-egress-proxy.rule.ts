import { hasKey, pathObject } from '../shared/json.js';
import type { Rule } from '../rule.js';
import { specOf } from '../shared/resource-fields.js';

/**
 * `outboundTrafficPolicy.egressProxy` is ignored by istiod (`FieldAnalyzer.analyzeSidecar`,
 * istio/istio:pkg/config/analysis/analyzers/deprecation/deprecation.go@86c9f01f).
 */
export const deprecatedEgressProxyRule: Rule = {
  id: 'sidecar/deprecated-egress-proxy',
  description: 'Flags Sidecars that set the ignored `outboundTrafficPolicy.egressProxy`.',
  inputs: ['Sidecar'],
  messages: ['deprecatedSidecarEgressProxy'],
  check(ctx) {
    for (const sidecar of ctx.ofKind('Sidecar')) {
      if (hasKey(pathObject(specOf(sidecar), 'outboundTrafficPolicy'), 'egressProxy')) {
        const path = 'spec.outboundTrafficPolicy.egressProxy';
        ctx.report('deprecatedSidecarEgressProxy', sidecar, path, {});
      }
    }
  },
};
