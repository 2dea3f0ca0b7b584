import { isWildcardHost } from '../../graph/hosts/host-name.js';
import type { Rule } from '../rule.js';
import { destinationRuleInfo } from '../shared/destination-rule-info.js';
import { findService, wildcardCoversService } from '../shared/host-lookup.js';

/**
 * A DestinationRule host must match a Service or ServiceEntry visible to its namespace
 * (`PodNotSelectedAnalyzer` → IST0174, istio/istio:pkg/config/analysis/analyzers/destinationrule/
 * subset.go@86c9f01f; Kiali `destinationrules.nodest.matchingregistry`). Hosts expand with the
 * DestinationRule namespace (SEMANTICS R2); a wildcard host needs one service under it.
 */
export const destinationRuleHostExistsRule: Rule = {
  id: 'destination-rule/host-exists',
  description: 'Flags DestinationRules whose host matches no service in the registry.',
  inputs: ['DestinationRule', 'Service', 'ServiceEntry', 'Workload'],
  subject: 'DestinationRule',
  messages: ['destinationRuleHostNotFound'],
  check(ctx) {
    for (const resource of ctx.ofKind('DestinationRule')) {
      const rule = destinationRuleInfo(ctx, resource);
      const found = isWildcardHost(rule.host)
        ? wildcardCoversService(ctx, rule.host, rule.namespace)
        : findService(ctx, rule.host, rule.namespace) !== null;
      if (!found) {
        ctx.report('destinationRuleHostNotFound', resource, 'spec.host', { host: rule.host });
      }
    }
  },
};
