import { isWildcardHost } from '../../graph/hosts/host-name.js';
import type { Rule } from '../rule.js';
import { fieldPath } from '../shared/resource-fields.js';
import { destinationRuleInfo } from '../shared/destination-rule-info.js';
import { findService } from '../shared/host-lookup.js';
import { subsetSelectsEndpoint } from '../shared/subset-endpoints.js';

/**
 * Each subset must select at least one workload behind its host: the subset labels matched
 * against the endpoints of the Service (or ServiceEntry with a workloadSelector) the host names
 * (`PodNotSelectedAnalyzer` → IST0173, istio/istio:pkg/config/analysis/analyzers/destinationrule/
 * subset.go@86c9f01f; Kiali `destinationrules.nodest.subsetlabels`). Workloads come from pod
 * templates as well as Pods (SEMANTICS §2). Hosts without selected endpoints of their own
 * (external ServiceEntries, wildcards) are skipped.
 */
export const subsetSelectsWorkloadsRule: Rule = {
  id: 'destination-rule/subset-selects-workloads',
  description: 'Flags DestinationRule subsets whose labels match no workload of the host.',
  inputs: ['DestinationRule', 'Service', 'ServiceEntry', 'Workload'],
  subject: 'DestinationRule',
  messages: ['subsetSelectsNoWorkloads'],
  check(ctx) {
    for (const resource of ctx.ofKind('DestinationRule')) {
      const rule = destinationRuleInfo(ctx, resource);
      const service = isWildcardHost(rule.host)
        ? null
        : findService(ctx, rule.host, rule.namespace);
      if (service === null) {
        continue;
      }
      if (service.selector === null) {
        continue;
      }
      const endpoints = ctx.graph.services.endpoints.get(service.uid) ?? [];
      rule.subsets.forEach((subset, i) => {
        if (!subsetSelectsEndpoint(subset.labels, endpoints)) {
          ctx.report('subsetSelectsNoWorkloads', resource, fieldPath('spec', 'subsets', i), {
            subset: subset.name,
          });
        }
      });
    }
  },
};
