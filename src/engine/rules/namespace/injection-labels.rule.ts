import type { Resource } from '../../model/resource.js';
import type { Rule, RuleContext } from '../rule.js';
import { pathObject } from '../shared/json.js';
import { injectorConfigMapName, injectorValues } from '../shared/istio-injector.js';
import { labelsOf } from '../shared/resource-fields.js';

const SYSTEM: ReadonlySet<string> = new Set([
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'local-path-storage',
]);

/**
 * `sidecarInjectorWebhook.enableNamespacesByDefault` of the namespace's injector ConfigMap in the
 * Istio namespace (`GetEnableNamespacesByDefaultFromInjectedConfigMap`, injection.go).
 */
function enabledByDefault(ctx: RuleContext, namespace: Resource): boolean {
  const configMap = ctx.find(
    'ConfigMap',
    ctx.options.istioNamespace,
    injectorConfigMapName(namespace),
  );
  const values = configMap === undefined ? null : injectorValues(configMap);
  return pathObject(values, 'sidecarInjectorWebhook')?.['enableNamespacesByDefault'] === true;
}

/**
 * Injection labels of Namespace objects (`InjectionAnalyzer`, istio/istio:pkg/config/analysis/
 * analyzers/injection/injection.go@86c9f01f): none at all (IST0102, Info) or both
 * `istio-injection` and `istio.io/rev` (IST0123). System namespaces and the Istio namespace are
 * skipped. With no label but an injector that enables namespaces by default, the namespace is
 * injected after all: IST0148 (Info) instead of IST0102, as Istio does.
 */
export const injectionLabelsRule: Rule = {
  id: 'namespace/injection-labels',
  description: 'Flags Namespaces with no injection label, or with both kinds of injection label.',
  inputs: ['Namespace', 'ConfigMap'],
  messages: [
    'namespaceNotInjected',
    'namespaceInjectedByDefault',
    'namespaceMultipleInjectionLabels',
  ],
  check(ctx) {
    for (const namespace of ctx.ofKind('Namespace')) {
      const name = namespace.key.name;
      if (SYSTEM.has(name) || name === ctx.options.istioNamespace) {
        continue;
      }
      const labels = labelsOf(namespace);
      const present = ['istio-injection', 'istio.io/rev'].filter((l) => labels[l] !== undefined);
      if (present.length === 0) {
        const message = enabledByDefault(ctx, namespace)
          ? 'namespaceInjectedByDefault'
          : 'namespaceNotInjected';
        ctx.report(message, namespace, 'metadata.labels', { namespace: name });
      } else if (present.length > 1) {
        ctx.report('namespaceMultipleInjectionLabels', namespace, 'metadata.labels', {
          labels: present,
        });
      }
    }
  },
};
