import type { Rule } from '../rule.js';
import { gatewayRefs, isInternalGatewayName, splitId } from './shared/gateway-refs.js';

/**
 * Every `spec.gateways` name must be an Istio Gateway or a Gateway API Gateway (`GatewayAnalyzer`,
 * istio/istio:pkg/config/analysis/analyzers/virtualservice/gateways.go@86c9f01f; Kiali
 * `virtualservices.nogateway`). Names resolve as istiod does (SEMANTICS R2, legacy FQDN form too).
 */
export const gatewayExistsRule: Rule = {
  id: 'virtual-service/gateway-exists',
  description: 'Flags VirtualServices bound to a Gateway that is not in the snapshot.',
  inputs: ['VirtualService', 'Gateway', 'KubernetesGateway'],
  subject: 'VirtualService',
  messages: ['virtualServiceGatewayNotFound'],
  check(ctx) {
    for (const vs of ctx.ofKind('VirtualService')) {
      for (const ref of gatewayRefs(vs)) {
        const { namespace, name } = splitId(ref.id);
        if (isInternalGatewayName(ref.written)) {
          continue;
        }
        const exists =
          ctx.find('Gateway', namespace, name) !== undefined ||
          ctx.find('KubernetesGateway', namespace, name) !== undefined;
        if (!exists) {
          ctx.report('virtualServiceGatewayNotFound', vs, ref.path, { gateway: ref.written });
        }
      }
    }
  },
};
