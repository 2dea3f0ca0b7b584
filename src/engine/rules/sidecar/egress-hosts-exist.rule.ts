import { isWildcardHost } from '../../graph/hosts/host-name.js';
import { parseEgressHost } from '../../graph/sidecars/read-sidecars.js';
import { objectsAt, stringsAt } from '../shared/json.js';
import type { Rule } from '../rule.js';
import { fieldPath, specOf } from '../shared/resource-fields.js';

/**
 * Sidecar egress hosts `ns/host` should import something: a Service or ServiceEntry host defined
 * in namespace `ns` (`.` = the Sidecar's, `*` = any) (Kiali `sidecar.egress.servicenotfound`;
 * SEMANTICS R8 — the namespace is where the service is defined, hosts are never expanded).
 * Wildcard hosts and exclusions are not checked.
 */
export const sidecarEgressHostsRule: Rule = {
  id: 'sidecar/egress-hosts-exist',
  description: 'Flags Sidecar egress hosts that match no service of the named namespace.',
  inputs: ['Sidecar', 'Service', 'ServiceEntry', 'Workload'],
  messages: ['sidecarEgressHostNotFound'],
  check(ctx) {
    for (const sidecar of ctx.ofKind('Sidecar')) {
      objectsAt(specOf(sidecar), 'egress').forEach((listener, i) => {
        stringsAt(listener, 'hosts').forEach((value, j) => {
          const parsed = parseEgressHost(value, null);
          if (parsed === null || parsed.isExclusion || isWildcardHost(parsed.host)) {
            return;
          }
          const namespace = parsed.namespace === '.' ? sidecar.key.namespace : parsed.namespace;
          const services = ctx.graph.services.byHost.get(parsed.host) ?? [];
          if (!services.some((s) => namespace === '*' || s.namespace === namespace)) {
            const path = fieldPath('spec', 'egress', i, 'hosts', j);
            ctx.report('sidecarEgressHostNotFound', sidecar, path, { host: value });
          }
        });
      });
    }
  },
};
