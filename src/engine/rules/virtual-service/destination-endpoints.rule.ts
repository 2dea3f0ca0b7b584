import { numberAt, objectsAt } from '../shared/json.js';
import type { Resource } from '../../model/resource.js';
import type { Rule, RuleContext } from '../rule.js';
import { findService } from '../shared/host-lookup.js';
import { specOf } from '../shared/resource-fields.js';
import { destinationsOf } from './shared/destinations.js';

/** Paths of destinations that receive traffic: the only one, or a positive weight (SEMANTICS R11). */
function receivingPaths(vs: Resource): Set<string> {
  const out = new Set<string>();
  for (const field of ['http', 'tcp', 'tls'] as const) {
    objectsAt(specOf(vs), field).forEach((rule, i) => {
      const routes = objectsAt(rule, 'route');
      routes.forEach((route, j) => {
        if (routes.length === 1 || (numberAt(route, 'weight') ?? 0) > 0) {
          out.add(`spec.${field}[${i}].route[${j}].destination`);
        }
      });
    });
  }
  return out;
}

function namespaceHasWorkloads(ctx: RuleContext, namespace: string): boolean {
  return (ctx.graph.workloadsByNamespace.get(namespace)?.items().length ?? 0) > 0;
}

/**
 * meshlens's own check: a destination that receives traffic (SEMANTICS R11) but whose Kubernetes
 * Service selects no workload — only when its namespace has workloads in the snapshot, so that a
 * snapshot of Istio config alone stays quiet.
 */
export const destinationEndpointsRule: Rule = {
  id: 'virtual-service/destination-endpoints',
  description: 'Flags weighted destinations whose Service selects no workload of the snapshot.',
  inputs: ['VirtualService', 'Service', 'ServiceEntry', 'Workload'],
  subject: 'VirtualService',
  messages: ['destinationWithoutEndpoints'],
  check(ctx) {
    for (const vs of ctx.ofKind('VirtualService')) {
      const receiving = receivingPaths(vs);
      for (const d of destinationsOf(vs, ctx.graph.clusterDomain)) {
        const service = receiving.has(d.path) ? findService(ctx, d.fqdn, vs.key.namespace) : null;
        if (
          service?.kind !== 'Service' ||
          service.selector === null ||
          !namespaceHasWorkloads(ctx, service.namespace)
        ) {
          continue;
        }
        if ((ctx.graph.services.endpoints.get(service.uid) ?? []).length === 0) {
          ctx.report('destinationWithoutEndpoints', vs, `${d.path}.host`, { host: d.fqdn });
        }
      }
    }
  },
};
