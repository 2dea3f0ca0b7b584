import { lookupDestinationRules } from '../../graph/destination-rules/destination-rule-index.js';
import type { Resource } from '../../model/resource.js';
import type { Rule, RuleContext } from '../rule.js';
import { findService } from '../shared/host-lookup.js';
import { subsetSelectsEndpoint } from '../shared/subset-endpoints.js';
import { destinationsOf, type DestinationRef } from './shared/destinations.js';

function check(ctx: RuleContext, vs: Resource, d: DestinationRef): void {
  if (d.subset === null) {
    return;
  }
  const service = findService(ctx, d.fqdn, vs.key.namespace);
  if (service === null) {
    return;
  }
  if (service.selector === null) {
    return;
  }
  const rules = lookupDestinationRules(
    ctx.graph.destinationRules,
    vs.key.namespace,
    d.fqdn,
    service.namespace,
  );
  const rule = rules.find((r) => r.selector === null && r.subsets.some((s) => s.name === d.subset));
  const subset = rule?.subsets.find((s) => s.name === d.subset);
  if (rule === undefined || subset === undefined) {
    return;
  }
  const endpoints = ctx.graph.services.endpoints.get(service.uid) ?? [];
  if (!subsetSelectsEndpoint(subset.labels, endpoints)) {
    ctx.report('routedSubsetWithoutWorkloads', vs, `${d.path}.subset`, {
      host: d.fqdn,
      subset: d.subset,
      destinationRule: subset.definedBy,
    });
  }
}

/**
 * meshlens's own check: a route to a subset that the DestinationRule applying to the route's
 * namespace (R7 lookup, which istioctl does not follow) defines but that no endpoint of the
 * service matches. Complements IST0173, which looks at the DestinationRule alone.
 */
export const routedSubsetWorkloadsRule: Rule = {
  id: 'virtual-service/routed-subset-workloads',
  description:
    'Flags route destinations whose subset selects no workload of the destination service.',
  inputs: ['VirtualService', 'DestinationRule', 'Service', 'ServiceEntry', 'Workload'],
  messages: ['routedSubsetWithoutWorkloads'],
  check(ctx) {
    for (const vs of ctx.ofKind('VirtualService')) {
      for (const d of destinationsOf(vs, ctx.graph.clusterDomain).filter((x) => !x.isMirror)) {
        check(ctx, vs, d);
      }
    }
  },
};
