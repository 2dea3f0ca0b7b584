import type { Rule } from '../rule.js';
import { findService } from '../shared/host-lookup.js';
import { destinationsOf } from './shared/destinations.js';

/**
 * Route and mirror hosts must be a Service or ServiceEntry host visible to the VirtualService
 * namespace (`DestinationHostAnalyzer`, istio/istio:pkg/config/analysis/analyzers/virtualservice/
 * destinationhosts.go@86c9f01f; Kiali `virtualservices.nohost.hostnotfound`). Short names expand
 * with the VirtualService namespace (SEMANTICS R2).
 */
export const destinationHostExistsRule: Rule = {
  id: 'virtual-service/destination-host-exists',
  description:
    'Flags route and mirror destinations whose host is not in the service registry visible to the VirtualService.',
  inputs: ['VirtualService', 'Service', 'ServiceEntry', 'Workload'],
  subject: 'VirtualService',
  messages: ['destinationHostNotFound', 'mirrorHostNotFound'],
  check(ctx) {
    for (const vs of ctx.ofKind('VirtualService')) {
      for (const d of destinationsOf(vs, ctx.graph.clusterDomain)) {
        if (findService(ctx, d.fqdn, vs.key.namespace) !== null) {
          continue;
        }
        const name = d.isMirror ? 'mirrorHostNotFound' : 'destinationHostNotFound';
        ctx.report(name, vs, `${d.path}.host`, { host: d.host });
      }
    }
  },
};
