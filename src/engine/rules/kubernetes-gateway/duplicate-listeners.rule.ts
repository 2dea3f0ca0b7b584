import { pushTo } from '../../graph/util/compare.js';
import type { Rule } from '../rule.js';
import {
  describeListener,
  type GatewayListener,
  listenerLabel,
  listenersOf,
} from '../shared/kiali-gateway-listeners.js';
import { fieldPath } from '../shared/resource-fields.js';

/**
 * Every listener of a Gateway needs its own (hostname, port, protocol) — the Gateway API CRD rule
 * "Combination of port, protocol and hostname must be unique for each listener", where two absent
 * hostnames are equal. Follows kiali/kiali:`business/checkers/k8sgateways/multi_match_checker.go`
 * (`k8sgateways.unique.listener`, KIA1503), which only compares listeners that both set a hostname;
 * each clashing listener is reported once at its `name`.
 */
export const kubernetesGatewayDuplicateListenersRule: Rule = {
  id: 'kubernetes-gateway/duplicate-listeners',
  description: 'Flags listeners of one Gateway API Gateway that share hostname, port and protocol.',
  inputs: ['KubernetesGateway'],
  messages: ['k8sGatewayDuplicateListener'],
  check(ctx) {
    for (const gateway of ctx.ofKind('KubernetesGateway')) {
      const groups = new Map<string, GatewayListener[]>();
      for (const listener of listenersOf(gateway)) {
        pushTo(groups, describeListener(listener), listener);
      }
      for (const group of groups.values()) {
        if (group.length < 2) {
          continue;
        }
        for (const listener of group) {
          const others = group.filter((l) => l !== listener).map(listenerLabel);
          ctx.report(
            'k8sGatewayDuplicateListener',
            gateway,
            fieldPath('spec', 'listeners', listener.index, 'name'),
            { listener: listenerLabel(listener), others },
          );
        }
      }
    }
  },
};
