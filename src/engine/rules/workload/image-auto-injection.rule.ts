import type { Labels } from '../../graph/util/labels.js';
import type { JsonObject } from '../../model/json.js';
import type { Resource } from '../../model/resource.js';
import { POD_TEMPLATE_KINDS } from '../kinds.js';
import type { Rule, RuleContext } from '../rule.js';
import { objectAt, objectsAt, pathObject, stringAt, stringMapAt } from '../shared/json.js';
import { labelSelectorMatches } from '../shared/label-selector.js';
import { wasAdmitted } from '../shared/istio-pods.js';
import { labelsOf } from '../shared/resource-fields.js';

interface Webhook {
  readonly namespaceSelector: JsonObject | null;
  readonly objectSelector: JsonObject | null;
}

/** Webhooks named `*istio.io` (`ImageAutoAnalyzer` keeps only those). */
function istioInjectionWebhooks(ctx: RuleContext): Webhook[] {
  return ctx.ofKind('MutatingWebhookConfiguration').flatMap((config) =>
    objectsAt(config.body, 'webhooks')
      .filter((w) => (stringAt(w, 'name') ?? '').endsWith('istio.io'))
      .map((w) => ({
        namespaceSelector: objectAt(w, 'namespaceSelector'),
        objectSelector: objectAt(w, 'objectSelector'),
      })),
  );
}

/** Namespace labels as the API server sees them (it always sets `kubernetes.io/metadata.name`). */
function namespaceLabels(ctx: RuleContext, name: string): Labels {
  const namespace = ctx.find('Namespace', '', name);
  const labels = namespace === undefined ? {} : labelsOf(namespace);
  return { 'kubernetes.io/metadata.name': name, ...labels };
}

/** Index of the `istio-proxy` container whose image is the `auto` placeholder, or -1. */
function autoImageIndex(podSpec: JsonObject | null): number {
  return objectsAt(podSpec, 'containers').findIndex(
    (c) => stringAt(c, 'name') === 'istio-proxy' && stringAt(c, 'image') === 'auto',
  );
}

/** Where the pod (metadata and spec) is: the object itself for a Pod. */
function templatePath(resource: Resource): readonly string[] {
  switch (resource.key.kind) {
    case 'Pod':
      return [];
    case 'CronJob':
      return ['spec', 'jobTemplate', 'spec', 'template'];
    default:
      return ['spec', 'template'];
  }
}

function checkTemplate(ctx: RuleContext, resource: Resource, webhooks: readonly Webhook[]): void {
  const path = templatePath(resource);
  const template = path.length === 0 ? resource.body : pathObject(resource.body, ...path);
  const index = autoImageIndex(objectAt(template, 'spec'));
  if (index < 0) {
    return;
  }
  const nsLabels = namespaceLabels(ctx, resource.key.namespace);
  const podLabels = stringMapAt(objectAt(template, 'metadata'), 'labels');
  const injected = webhooks.some(
    (w) =>
      labelSelectorMatches(w.namespaceSelector, nsLabels) &&
      labelSelectorMatches(w.objectSelector, podLabels),
  );
  if (!injected) {
    const { kind, name } = resource.key;
    const where = [...path, 'spec', `containers[${index}]`, 'image'].join('.');
    ctx.report('imageAutoNotInjected', resource, where, { kind, name });
  }
}

function checkAdmittedPod(ctx: RuleContext, pod: Resource): void {
  const index = autoImageIndex(objectAt(pod.body, 'spec'));
  if (index >= 0) {
    const { kind, name } = pod.key;
    ctx.report('imageAutoPod', pod, `spec.containers[${index}].image`, { kind, name });
  }
}

/**
 * `image: auto` on `istio-proxy` is a placeholder the injection webhook replaces
 * (`ImageAutoAnalyzer`, istio/istio:pkg/config/analysis/analyzers/injection/image-auto.go): a Pod
 * read from a cluster still carrying it is broken (IST0147); a pod template, or a Pod manifest not
 * applied yet, carrying it must be selected by an Istio injection webhook (IST0146). Istio checks
 * Deployments and treats every Pod as admitted; here every pod template is checked too.
 */
export const imageAutoInjectionRule: Rule = {
  id: 'workload/image-auto-injection',
  description:
    'Flags istio-proxy containers with the `image: auto` placeholder that no Istio injection webhook will replace.',
  inputs: ['Workload', 'Namespace', 'MutatingWebhookConfiguration'],
  messages: ['imageAutoPod', 'imageAutoNotInjected'],
  check(ctx) {
    const webhooks = istioInjectionWebhooks(ctx);
    for (const kind of POD_TEMPLATE_KINDS) {
      for (const resource of ctx.ofKind(kind)) {
        if (kind === 'Pod' && wasAdmitted(resource)) {
          checkAdmittedPod(ctx, resource);
        } else {
          checkTemplate(ctx, resource, webhooks);
        }
      }
    }
  },
};
