import type { Rule } from '../rule.js';
import { selectorString } from '../shared/label-selector.js';
import { matchLabelsOf, selectWorkloads } from '../shared/policy-selectors.js';

/**
 * A RequestAuthentication selector must match a workload of its namespace, or of the mesh when
 * it is in the root namespace (Kiali `generic.selector.workloadnotfound`).
 */
export const requestAuthenticationSelectorRule: Rule = {
  id: 'request-authentication/selector-no-workloads',
  description: 'Flags RequestAuthentications whose selector matches no workload.',
  inputs: ['RequestAuthentication', 'Workload'],
  messages: ['selectorNoWorkloads'],
  check(ctx) {
    for (const policy of ctx.ofKind('RequestAuthentication')) {
      const selector = matchLabelsOf(policy);
      if (selector === null) {
        continue;
      }
      const scope = policy.key.namespace === ctx.graph.rootNamespace ? null : policy.key.namespace;
      if (selectWorkloads(ctx, scope, selector).length === 0) {
        const labels = selectorString(selector);
        ctx.report('selectorNoWorkloads', policy, 'spec.selector.matchLabels', { labels });
      }
    }
  },
};
