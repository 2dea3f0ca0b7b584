import type { Rule } from '../rule.js';
import { selectorString } from '../shared/label-selector.js';

/**
 * A Gateway whose selector matches no workload (`IngressGatewayPortAnalyzer`,
 * istio/istio:pkg/config/analysis/analyzers/gateway/gateway.go@86c9f01f). Selectors match in any
 * namespace (SEMANTICS R4); the assumed default ingress gateway counts (SEMANTICS §0).
 */
export const gatewaySelectorNoWorkloadRule: Rule = {
  id: 'gateway/selector-no-workload',
  description: 'Flags Gateways whose selector matches no gateway workload in the snapshot.',
  inputs: ['Gateway', 'Workload'],
  messages: ['gatewaySelectsNoWorkload'],
  check(ctx) {
    for (const gateway of ctx.graph.gateways) {
      if (gateway.proxies.length > 0) {
        continue;
      }
      const resource = ctx.find('Gateway', gateway.namespace, gateway.name);
      if (resource !== undefined) {
        const selector = selectorString(gateway.selector);
        ctx.report('gatewaySelectsNoWorkload', resource, 'spec.selector', { selector });
      }
    }
  },
};
