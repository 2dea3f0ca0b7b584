import { objectAt, objectsAt, stringsAt } from '../shared/json.js';
import type { Rule, RuleContext } from '../rule.js';
import { fieldPath, specOf } from '../shared/resource-fields.js';

/** Every host a request may carry: registry hosts and VirtualService hosts (gateway traffic). */
function knownHosts(ctx: RuleContext): ReadonlySet<string> {
  return ctx.memo('authorizationKnownHosts', (c) => {
    const hosts = new Set<string>(c.graph.services.byHost.keys());
    for (const vs of c.graph.virtualServices.all) {
      vs.hosts.forEach((h) => hosts.add(h));
    }
    return hosts;
  });
}

/** Host header forms of a registry name: `name`, `name.ns`, `name.ns.svc`, FQDN. */
function candidates(host: string, namespace: string, domain: string): string[] {
  const bare = host.toLowerCase().replace(/:\d+$/, '');
  const dots = bare.split('.').length - 1;
  if (dots === 0) {
    return [bare, `${bare}.${namespace}.svc.${domain}`];
  }
  if (dots === 1) {
    return [bare, `${bare}.svc.${domain}`];
  }
  return bare.endsWith('.svc') ? [bare, `${bare}.${domain}`] : [bare];
}

/**
 * `to.operation.hosts` / `notHosts` must name a host of the service registry or of a
 * VirtualService (Kiali `authorizationpolicy.nodest.matchingregistry`). Hosts with wildcards are
 * not checked; a trailing `:port` is ignored.
 */
export const authorizationHostsRule: Rule = {
  id: 'authorization-policy/hosts-exist',
  description: 'Flags AuthorizationPolicy hosts that match no service or VirtualService host.',
  inputs: ['AuthorizationPolicy', 'Service', 'ServiceEntry', 'Workload', 'VirtualService'],
  messages: ['authorizationHostNotFound'],
  check(ctx) {
    const hosts = knownHosts(ctx);
    const domain = ctx.graph.clusterDomain;
    for (const policy of ctx.ofKind('AuthorizationPolicy')) {
      objectsAt(specOf(policy), 'rules').forEach((rule, i) => {
        objectsAt(rule, 'to').forEach((to, j) => {
          for (const field of ['hosts', 'notHosts'] as const) {
            stringsAt(objectAt(to, 'operation'), field).forEach((host, k) => {
              const forms = host.includes('*')
                ? []
                : candidates(host, policy.key.namespace, domain);
              if (forms.length > 0 && !forms.some((f) => hosts.has(f))) {
                const path = fieldPath('spec', 'rules', i, 'to', j, 'operation', field, k);
                ctx.report('authorizationHostNotFound', policy, path, { host });
              }
            });
          }
        });
      });
    }
  },
};
