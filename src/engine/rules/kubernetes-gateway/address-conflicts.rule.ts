import { pushTo, uniqueSorted } from '../../graph/util/compare.js';
import type { Resource } from '../../model/resource.js';
import type { Rule } from '../rule.js';
import { objectsAt, stringAt } from '../shared/json.js';
import { fieldPath, fullName, specOf } from '../shared/resource-fields.js';

interface Claim {
  readonly gateway: Resource;
  readonly index: number;
  readonly value: string;
}

/**
 * Two Gateway API Gateways requesting the same address cannot both get it. Follows
 * kiali/kiali:`business/checkers/k8sgateways/multi_match_checker.go` `findMatchIP`
 * (`k8sgateways.multimatch.ip`, KIA1502): same type and value. An absent `type` is the API default
 * `IPAddress` (Kiali skips it, but the API server fills it in before Kiali ever reads the object).
 */
export const kubernetesGatewayAddressConflictsRule: Rule = {
  id: 'kubernetes-gateway/address-conflicts',
  description: 'Flags Gateway API Gateway addresses that another Gateway also requests.',
  inputs: ['KubernetesGateway'],
  messages: ['k8sGatewayAddressConflict'],
  check(ctx) {
    const claims = new Map<string, Claim[]>();
    for (const gateway of ctx.ofKind('KubernetesGateway')) {
      objectsAt(specOf(gateway), 'addresses').forEach((address, index) => {
        const value = stringAt(address, 'value') ?? '';
        const type = stringAt(address, 'type') ?? 'IPAddress';
        if (value !== '') {
          pushTo(claims, `${type}\u0000${value}`, { gateway, index, value });
        }
      });
    }
    for (const group of claims.values()) {
      const owners = new Set(group.map((c) => c.gateway));
      if (owners.size < 2) {
        continue;
      }
      for (const { gateway, index, value } of group) {
        const others = [...owners].filter((g) => g !== gateway).map(fullName);
        ctx.report(
          'k8sGatewayAddressConflict',
          gateway,
          fieldPath('spec', 'addresses', index, 'value'),
          { address: value, gateways: uniqueSorted(others) },
        );
      }
    }
  },
};
