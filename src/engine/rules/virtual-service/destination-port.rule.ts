import type { Rule } from '../rule.js';
import { findService } from '../shared/host-lookup.js';
import { destinationsOf } from './shared/destinations.js';

/**
 * A destination to a multi-port service must name its port, and a named port must exist
 * (`checkServiceEntryPorts`, istio/istio:pkg/config/analysis/analyzers/virtualservice/
 * destinationhosts.go@86c9f01f; SEMANTICS R11 for what happens without one).
 */
export const destinationPortRule: Rule = {
  id: 'virtual-service/destination-port',
  description:
    'Flags destinations that omit the port of a multi-port service or name a port the service lacks.',
  inputs: ['VirtualService', 'Service', 'ServiceEntry', 'Workload'],
  subject: 'VirtualService',
  messages: ['destinationPortRequired', 'destinationPortNotFound'],
  check(ctx) {
    for (const vs of ctx.ofKind('VirtualService')) {
      for (const d of destinationsOf(vs, ctx.graph.clusterDomain)) {
        const service = findService(ctx, d.fqdn, vs.key.namespace);
        if (service === null) {
          continue;
        }
        const ports = service.ports.map((p) => p.number);
        if (d.port === null && ports.length > 1) {
          ctx.report('destinationPortRequired', vs, d.path, { host: d.host, ports });
        } else if (d.port !== null && !ports.includes(d.port)) {
          ctx.report('destinationPortNotFound', vs, `${d.path}.port.number`, {
            host: d.host,
            port: d.port,
          });
        }
      }
    }
  },
};
