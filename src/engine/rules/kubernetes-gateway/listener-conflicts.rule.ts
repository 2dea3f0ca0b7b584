import { pushTo, uniqueSorted } from '../../graph/util/compare.js';
import type { Resource } from '../../model/resource.js';
import type { Rule } from '../rule.js';
import {
  describeListener,
  type GatewayListener,
  listenersOf,
} from '../shared/kiali-gateway-listeners.js';
import { fieldPath, fullName } from '../shared/resource-fields.js';

interface Claim {
  readonly gateway: Resource;
  readonly listener: GatewayListener;
}

/**
 * Two Gateway API Gateways with a listener of the same hostname, port and protocol compete for the
 * same clients. Follows kiali/kiali:`business/checkers/k8sgateways/multi_match_checker.go`
 * `findMatch` (`k8sgateways.multimatch.listener`, KIA1501): listeners without a hostname are not
 * compared, and Gateways are told apart by namespace and name (Kiali compares names only). Claims
 * are grouped once by (hostname, port, protocol), so the check is linear in the listeners.
 */
export const kubernetesGatewayListenerConflictsRule: Rule = {
  id: 'kubernetes-gateway/listener-conflicts',
  description:
    'Flags Gateway API Gateway listeners whose hostname, port and protocol another Gateway also declares.',
  inputs: ['KubernetesGateway'],
  messages: ['k8sGatewayListenerConflict'],
  check(ctx) {
    const claims = new Map<string, Claim[]>();
    for (const gateway of ctx.ofKind('KubernetesGateway')) {
      for (const listener of listenersOf(gateway)) {
        if (listener.hostname !== null && listener.port !== null) {
          pushTo(claims, describeListener(listener), { gateway, listener });
        }
      }
    }
    for (const [key, group] of claims) {
      const owners = new Set(group.map((c) => c.gateway));
      if (owners.size < 2) {
        continue;
      }
      for (const { gateway, listener } of group) {
        const others = [...owners].filter((g) => g !== gateway).map(fullName);
        ctx.report(
          'k8sGatewayListenerConflict',
          gateway,
          fieldPath('spec', 'listeners', listener.index, 'hostname'),
          { listener: key, gateways: uniqueSorted(others) },
        );
      }
    }
  },
};
