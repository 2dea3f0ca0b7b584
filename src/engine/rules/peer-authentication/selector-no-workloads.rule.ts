import type { Rule } from '../rule.js';
import { selectorString } from '../shared/label-selector.js';
import { matchLabelsOf, selectWorkloads } from '../shared/policy-selectors.js';

/**
 * A PeerAuthentication selector must match a workload of its namespace (Kiali
 * `generic.selector.workloadnotfound`). Selector policies in the root namespace are ignored by
 * istiod (SEMANTICS R9), so they are not checked here.
 */
export const peerAuthenticationSelectorRule: Rule = {
  id: 'peer-authentication/selector-no-workloads',
  description: 'Flags PeerAuthentications whose selector matches no workload of their namespace.',
  inputs: ['PeerAuthentication', 'Workload'],
  messages: ['selectorNoWorkloads'],
  check(ctx) {
    for (const policy of ctx.ofKind('PeerAuthentication')) {
      const selector = matchLabelsOf(policy);
      if (selector === null || policy.key.namespace === ctx.graph.rootNamespace) {
        continue;
      }
      if (selectWorkloads(ctx, policy.key.namespace, selector).length === 0) {
        const labels = selectorString(selector);
        ctx.report('selectorNoWorkloads', policy, 'spec.selector.matchLabels', { labels });
      }
    }
  },
};
