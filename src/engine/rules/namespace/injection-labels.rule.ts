import type { Rule } from '../rule.js';
import { labelsOf } from '../shared/resource-fields.js';

const SYSTEM: ReadonlySet<string> = new Set([
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'local-path-storage',
]);

/**
 * Injection labels of Namespace objects (`InjectionAnalyzer`, istio/istio:pkg/config/analysis/
 * analyzers/injection/injection.go@86c9f01f): none at all (IST0102, Info) or both
 * `istio-injection` and `istio.io/rev` (IST0123). System namespaces and the Istio namespace are
 * skipped.
 */
export const injectionLabelsRule: Rule = {
  id: 'namespace/injection-labels',
  description: 'Flags Namespaces with no injection label, or with both kinds of injection label.',
  inputs: ['Namespace'],
  messages: ['namespaceNotInjected', 'namespaceMultipleInjectionLabels'],
  check(ctx) {
    for (const namespace of ctx.ofKind('Namespace')) {
      const name = namespace.key.name;
      if (SYSTEM.has(name) || name === ctx.options.istioNamespace) {
        continue;
      }
      const labels = labelsOf(namespace);
      const present = ['istio-injection', 'istio.io/rev'].filter((l) => labels[l] !== undefined);
      if (present.length === 0) {
        ctx.report('namespaceNotInjected', namespace, 'metadata.labels', { namespace: name });
      } else if (present.length > 1) {
        ctx.report('namespaceMultipleInjectionLabels', namespace, 'metadata.labels', {
          labels: present,
        });
      }
    }
  },
};
