import { MESH_GATEWAY, resolveGatewayName } from '../../graph/hosts/short-name.js';
import { objectsAt, stringsAt } from '../shared/json.js';
import type { Rule } from '../rule.js';
import { fieldPath, specOf } from '../shared/resource-fields.js';

/** `name.ns.svc.cluster.local` style: a dot and no slash (SEMANTICS R2). */
function isLegacy(name: string): boolean {
  return name !== MESH_GATEWAY && !name.includes('/') && name.includes('.');
}

/**
 * Gateways referenced as `name.namespace.svc.<domain>` (Kiali `virtualservices.gateway.
 * oldnomenclature`; istio validation warns "using legacy gatewayName format").
 */
export const legacyGatewayNameRule: Rule = {
  id: 'virtual-service/legacy-gateway-name',
  description:
    'Flags Gateway references written in the legacy FQDN form instead of namespace/name.',
  inputs: ['VirtualService'],
  subject: 'VirtualService',
  messages: ['legacyGatewayName'],
  check(ctx) {
    for (const vs of ctx.ofKind('VirtualService')) {
      const spec = specOf(vs);
      const refs: [string, string][] = stringsAt(spec, 'gateways').map((g, i) => [
        g,
        fieldPath('spec', 'gateways', i),
      ]);
      objectsAt(spec, 'http').forEach((rule, i) => {
        objectsAt(rule, 'match').forEach((match, j) => {
          stringsAt(match, 'gateways').forEach((g, k) =>
            refs.push([g, fieldPath('spec', 'http', i, 'match', j, 'gateways', k)]),
          );
        });
      });
      for (const [gateway, path] of refs.filter(([g]) => isLegacy(g))) {
        const preferred = resolveGatewayName(gateway, vs.key.namespace);
        ctx.report('legacyGatewayName', vs, path, { gateway, preferred });
      }
    }
  },
};
