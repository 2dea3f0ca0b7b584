import { hostsMatch } from '../../graph/hosts/host-name.js';
import { isCatchAllRoute } from '../../match/catch-all.js';
import type { GatewayInfo } from '../../graph/types/gateway.js';
import type { Rule, RuleContext } from '../rule.js';
import { pushTo } from '../shared/json.js';

interface CatchAll {
  readonly vs: string;
  readonly rule: string;
}

/** Namespaces of the proxies serving a Gateway: they decide which VirtualServices it sees (R3). */
function proxyNamespaces(ctx: RuleContext, gateway: GatewayInfo): string[] {
  const namespaces = gateway.proxies.map((id) => ctx.graph.workloadsById.get(id)?.namespace ?? '');
  return [...new Set(namespaces)].filter((ns) => ns !== '').sort();
}

/** R4: a server host `ns/host` binds VirtualServices of `ns` only (`*` for all). */
function acceptsHost(gateway: GatewayInfo, vsNamespace: string, host: string): boolean {
  return gateway.servers.some((server) =>
    server.hosts.some(
      (h) => (h.namespace === '*' || h.namespace === vsNamespace) && hostsMatch(h.host, host),
    ),
  );
}

/** host → catch-all http routes, in merge order (`VirtualServicesForGateway` tiers, R5). */
function catchAllsByHost(
  ctx: RuleContext,
  gateway: GatewayInfo,
  namespace: string,
): Map<string, CatchAll[]> {
  const out = new Map<string, CatchAll[]>();
  for (const vs of ctx.graph.virtualServices.forGateway(namespace, gateway.id)) {
    const rule = vs.http.find(
      (r) => r.delegate === null && isCatchAllRoute(r.matches.map((m) => m.raw)),
    );
    if (rule === undefined) {
      continue;
    }
    for (const host of vs.hosts.filter((h) => acceptsHost(gateway, vs.namespace, h))) {
      pushTo(out, host, { vs: vs.id, rule: rule.rule });
    }
  }
  return out;
}

/**
 * meshlens's own check (SEMANTICS R5): a gateway merges the VirtualServices bound to it and moves
 * catch-all routes last, so of two catch-all routes for one host only the first in merge order
 * is ever used. The later VirtualService is reported.
 */
export const gatewayCatchAllRule: Rule = {
  id: 'virtual-service/gateway-catch-all',
  description:
    'Flags catch-all routes that another VirtualService bound to the same gateway hides.',
  inputs: ['VirtualService', 'Gateway', 'Workload'],
  messages: ['catchAllShadowedOnGateway'],
  check(ctx) {
    const seen = new Set<string>();
    for (const gateway of ctx.graph.gateways) {
      for (const namespace of proxyNamespaces(ctx, gateway)) {
        for (const [host, routes] of catchAllsByHost(ctx, gateway, namespace)) {
          const [first, ...later] = routes;
          for (const shadowed of first === undefined
            ? []
            : later.filter((r) => r.vs !== first.vs)) {
            const key = `${shadowed.vs}|${shadowed.rule}|${host}|${gateway.id}`;
            const [ns = '', name = ''] = shadowed.vs.split('/');
            const resource = ctx.find('VirtualService', ns, name);
            if (!seen.has(key) && resource !== undefined) {
              seen.add(key);
              const params = {
                rule: shadowed.rule,
                host,
                gateway: gateway.id,
                first: first?.vs ?? '',
              };
              ctx.report('catchAllShadowedOnGateway', resource, `spec.${shadowed.rule}`, params);
            }
          }
        }
      }
    }
  },
};
