import { hostsMatch, normalizeHost } from '../../graph/hosts/host-name.js';
import { objectsAt, stringAt, stringsAt } from '../shared/json.js';
import type { Resource } from '../../model/resource.js';
import type { Rule, RuleContext } from '../rule.js';
import { fullName, specOf } from '../shared/resource-fields.js';
import { gatewayRefs, isInternalGatewayName, splitId } from './shared/gateway-refs.js';

/**
 * Server hosts of an Istio Gateway usable by a VirtualService of `vsNamespace`: `ns/host` only for
 * that namespace, `./host` for the Gateway's, `*`/no prefix for all (`NamesForNamespace`,
 * SEMANTICS R4).
 */
function istioGatewayHosts(gateway: Resource, vsNamespace: string): string[] {
  const out: string[] = [];
  for (const server of objectsAt(specOf(gateway), 'servers')) {
    for (const value of stringsAt(server, 'hosts')) {
      const slash = value.indexOf('/');
      const ns = slash < 0 ? '*' : value.slice(0, slash);
      const host = slash < 0 ? value : value.slice(slash + 1);
      const owner = ns === '.' ? gateway.key.namespace : ns;
      if (owner === '*' || owner === vsNamespace) {
        out.push(normalizeHost(host));
      }
    }
  }
  return out;
}

/** Gateway API listeners: a listener without hostname accepts every host. */
function kubernetesGatewayHosts(gateway: Resource): string[] {
  return objectsAt(specOf(gateway), 'listeners').map(
    (l) => normalizeHost(stringAt(l, 'hostname') ?? '*') || '*',
  );
}

/** Hosts the referenced Gateway accepts for the namespace, null when there is no such Gateway. */
function acceptedHosts(ctx: RuleContext, id: string, vsNamespace: string): string[] | null {
  const { namespace, name } = splitId(id);
  const istio = ctx.find('Gateway', namespace, name);
  if (istio !== undefined) {
    return istioGatewayHosts(istio, vsNamespace);
  }
  const kube = ctx.find('KubernetesGateway', namespace, name);
  return kube === undefined ? null : kubernetesGatewayHosts(kube);
}

/**
 * At least one VirtualService host must be accepted by each Gateway it binds to
 * (`GatewayAnalyzer.vsHostInGateway`, istio/istio:pkg/config/analysis/analyzers/virtualservice/
 * gateways.go@86c9f01f, IST0132).
 */
export const hostInGatewayRule: Rule = {
  id: 'virtual-service/host-in-gateway',
  description:
    'Flags VirtualServices none of whose hosts is accepted by the servers of a Gateway they bind to.',
  inputs: ['VirtualService', 'Gateway', 'KubernetesGateway'],
  subject: 'VirtualService',
  messages: ['virtualServiceHostNotInGateway'],
  check(ctx) {
    for (const vs of ctx.ofKind('VirtualService')) {
      const hosts = stringsAt(specOf(vs), 'hosts');
      for (const ref of gatewayRefs(vs)) {
        const accepted = isInternalGatewayName(ref.written)
          ? null
          : acceptedHosts(ctx, ref.id, vs.key.namespace);
        if (accepted === null) {
          continue;
        }
        if (!accepted.some((g) => hosts.some((h) => hostsMatch(g, normalizeHost(h))))) {
          ctx.report('virtualServiceHostNotInGateway', vs, ref.path, {
            hosts,
            virtualService: fullName(vs),
            gateway: ref.id,
          });
        }
      }
    }
  },
};
