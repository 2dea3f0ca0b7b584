import type { Rule } from '../rule.js';
import { matchLabelsOf, selectWorkloads } from '../shared/policy-selectors.js';
import { selectorString } from '../shared/label-selector.js';

/**
 * An AuthorizationPolicy must apply to some in-mesh workload: its selector in its namespace (in
 * the root namespace: anywhere), or — without selector — any workload of its namespace
 * (`AuthorizationPoliciesAnalyzer.analyzeNoMatchingWorkloads`, istio/istio:pkg/config/analysis/
 * analyzers/authz/authorizationpolicies.go@86c9f01f; Kiali `generic.selector.workloadnotfound`).
 */
export const authorizationSelectorRule: Rule = {
  id: 'authorization-policy/selector-no-workloads',
  description: 'Flags AuthorizationPolicies that select no in-mesh workload.',
  inputs: ['AuthorizationPolicy', 'Workload', 'Namespace'],
  messages: ['selectorNoWorkloads'],
  check(ctx) {
    const root = ctx.graph.rootNamespace;
    for (const policy of ctx.ofKind('AuthorizationPolicy')) {
      const selector = matchLabelsOf(policy);
      const namespace = policy.key.namespace;
      if (namespace === root && selector === null) {
        continue;
      }
      const scope = namespace === root ? null : namespace;
      const selected = selectWorkloads(ctx, scope, selector ?? {}).filter((w) => w.inMesh);
      if (selected.length === 0) {
        const path = selector === null ? 'spec' : 'spec.selector.matchLabels';
        ctx.report('selectorNoWorkloads', policy, path, { labels: selectorString(selector) });
      }
    }
  },
};
