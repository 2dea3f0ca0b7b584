import type { Rule } from '../rule.js';
import { fullName } from '../shared/resource-fields.js';
import { gatewayRefs, isInternalGatewayName } from './shared/gateway-refs.js';

/**
 * VirtualServices must not bind to Gateways Istio generates from Gateway API objects
 * (`GatewayAnalyzer`, istio/istio:pkg/config/analysis/analyzers/virtualservice/gateways.go@86c9f01f,
 * IST0165).
 */
export const internalGatewayRefRule: Rule = {
  id: 'virtual-service/internal-gateway-ref',
  description: 'Flags VirtualServices bound to an implementation-generated internal Gateway.',
  inputs: ['VirtualService'],
  subject: 'VirtualService',
  messages: ['internalGatewayReferenced'],
  check(ctx) {
    for (const vs of ctx.ofKind('VirtualService')) {
      for (const ref of gatewayRefs(vs)) {
        if (isInternalGatewayName(ref.written)) {
          ctx.report('internalGatewayReferenced', vs, ref.path, {
            virtualService: fullName(vs),
            gateway: ref.written,
          });
        }
      }
    }
  },
};
