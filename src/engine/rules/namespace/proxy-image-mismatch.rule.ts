import { uniqueSorted } from '../../graph/util/compare.js';
import type { Resource } from '../../model/resource.js';
import type { Rule, RuleContext } from '../rule.js';
import { objectsAt, pathObject, pushTo, stringAt } from '../shared/json.js';
import { INJECTOR_CONFIG_MAP, injectorValues } from '../shared/istio-injector.js';
import { annotationsOf, labelsOf, specOf } from '../shared/resource-fields.js';

const INJECTOR = INJECTOR_CONFIG_MAP;

/** `GetIstioProxyImage`: `global.proxy.image` when it names a repository, else hub/image:tag. */
function injectorImage(configMap: Resource): string | null {
  const values = injectorValues(configMap);
  if (values === null) {
    return null;
  }
  const global = pathObject(values, 'global');
  const image = stringAt(pathObject(global, 'proxy'), 'image') ?? '';
  if (image.includes('/')) {
    return image;
  }
  return `${stringAt(global, 'hub') ?? ''}/${image}:${stringAt(global, 'tag') ?? ''}`;
}

/** Injector ConfigMap name → the proxy image it injects (by name, in any namespace). */
function injectorImages(ctx: RuleContext): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const configMap of ctx.ofKind('ConfigMap')) {
    if (configMap.key.name.startsWith(INJECTOR)) {
      out.set(configMap.key.name, injectorImage(configMap));
    }
  }
  return out;
}

/** Injected namespace → its injector ConfigMap (`GetInjectorConfigMapName`). */
function injectorOf(namespace: Resource): string | null {
  const labels = labelsOf(namespace);
  const revision = labels['istio.io/rev'];
  if (revision === undefined) {
    return labels['istio-injection'] === 'enabled' ? INJECTOR : null;
  }
  return revision === '' || revision === 'default' ? INJECTOR : `${INJECTOR}-${revision}`;
}

/** Images of the pod's `istio-proxy` containers (none when the pod picks its own image). */
function proxyImages(pod: Resource): string[] {
  if ((annotationsOf(pod)['sidecar.istio.io/proxyImage'] ?? '') !== '') {
    return [];
  }
  return objectsAt(specOf(pod), 'containers')
    .filter((c) => stringAt(c, 'name') === 'istio-proxy')
    .map((c) => stringAt(c, 'image') ?? '');
}

/**
 * Running pods of an injected namespace whose proxy image differs from the one the namespace's
 * injector ConfigMap injects today, usually left over from before an upgrade (`ImageAnalyzer`,
 * istio/istio:pkg/config/analysis/analyzers/injection/injection-image.go). Unlike Istio, an
 * injector whose `values` cannot be read is skipped instead of matching no image.
 */
export const proxyImageMismatchRule: Rule = {
  id: 'namespace/proxy-image-mismatch',
  description:
    'Flags injected namespaces with pods whose istio-proxy image differs from the image the injector uses.',
  inputs: ['Namespace', 'Pod', 'ConfigMap'],
  messages: ['proxyImageMismatch'],
  check(ctx) {
    const images = injectorImages(ctx);
    if (images.size === 0) {
      return;
    }
    const expected = new Map<string, string>();
    for (const namespace of ctx.ofKind('Namespace')) {
      const image = images.get(injectorOf(namespace) ?? '');
      if (image !== undefined && image !== null) {
        expected.set(namespace.key.name, image);
      }
    }
    const mismatched = new Map<string, string[]>();
    for (const pod of ctx.ofKind('Pod')) {
      const image = expected.get(pod.key.namespace);
      if (image !== undefined && proxyImages(pod).some((i) => i !== image)) {
        pushTo(mismatched, pod.key.namespace, pod.key.name);
      }
    }
    for (const [name, pods] of mismatched) {
      const namespace = ctx.find('Namespace', '', name);
      if (namespace !== undefined) {
        ctx.report('proxyImageMismatch', namespace, 'metadata.name', { pods: uniqueSorted(pods) });
      }
    }
  },
};
