import type { Resource } from '../../model/resource.js';
import type { Rule, RuleContext } from '../rule.js';
import { objectsAt, stringAt } from '../shared/json.js';
import { wasAdmitted } from '../shared/istio-pods.js';
import { annotationsOf, fullName, labelsOf, specOf } from '../shared/resource-fields.js';

const INJECT = 'sidecar.istio.io/inject';
const SYSTEM: ReadonlySet<string> = new Set([
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'local-path-storage',
]);

/**
 * Namespaces whose pods get a sidecar by label (`injection.Analyzer`): `istio.io/rev` alone, or
 * `istio-injection=enabled` alone. Both labels at once is IST0123, not an injected namespace.
 */
function injectedNamespaces(ctx: RuleContext): ReadonlySet<string> {
  const out = new Set<string>();
  for (const namespace of ctx.ofKind('Namespace')) {
    const name = namespace.key.name;
    if (SYSTEM.has(name) || name === ctx.options.istioNamespace) {
      continue;
    }
    const labels = labelsOf(namespace);
    const legacy = labels['istio-injection'];
    const revision = labels['istio.io/rev'];
    if (revision !== undefined ? legacy === undefined : legacy === 'enabled') {
      out.add(name);
    }
  }
  return out;
}

function optsOut(pod: Resource): boolean {
  const value = labelsOf(pod)[INJECT] ?? annotationsOf(pod)[INJECT] ?? '';
  return value.toLowerCase() === 'false';
}

/** Admitted, not opted out, not on the host network. */
function needsProxy(pod: Resource): boolean {
  return wasAdmitted(pod) && !optsOut(pod) && specOf(pod)?.['hostNetwork'] !== true;
}

/** An `istio-proxy` container with an image (a native sidecar is an init container). */
function hasProxy(pod: Resource): boolean {
  const spec = specOf(pod);
  return [...objectsAt(spec, 'containers'), ...objectsAt(spec, 'initContainers')].some(
    (c) => stringAt(c, 'name') === 'istio-proxy' && (stringAt(c, 'image') ?? '') !== '',
  );
}

/**
 * Admitted pods in a namespace labelled for injection must have an `istio-proxy` container
 * unless they opt out or use the host network (`injection.Analyzer`, istio/istio:pkg/config/
 * analysis/analyzers/injection/injection.go). Only pods read from a cluster are checked: pod
 * templates and Pod manifests never applied are what the webhook receives, before injection.
 * Unlike Istio, a native sidecar (`istio-proxy` as an init container) counts as the proxy.
 */
export const missingProxyRule: Rule = {
  id: 'workload/missing-proxy',
  description:
    'Flags pods read from a cluster that run without the Istio proxy in a namespace labelled for injection.',
  inputs: ['Namespace', 'Pod'],
  messages: ['podMissingProxy'],
  check(ctx) {
    const injected = injectedNamespaces(ctx);
    for (const pod of ctx.ofKind('Pod')) {
      if (injected.has(pod.key.namespace) && needsProxy(pod) && !hasProxy(pod)) {
        ctx.report('podMissingProxy', pod, 'spec.containers', { pod: fullName(pod) });
      }
    }
  },
};
