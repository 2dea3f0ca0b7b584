import { objectAt } from '../shared/json.js';
import type { Labels } from '../../graph/util/labels.js';
import type { Rule } from '../rule.js';
import { labelSelectorMatches } from '../shared/label-selector.js';
import { fieldPath } from '../shared/resource-fields.js';
import { type IstioWebhook, istioWebhooks, webhookRevisions } from './shared/istio-webhooks.js';

const NAMESPACE_BASES: readonly Labels[] = [
  {},
  { 'istio-injection': 'enabled' },
  { 'istio-injection': 'disabled' },
];
const OBJECT_BASES: readonly Labels[] = [
  {},
  { 'sidecar.istio.io/inject': 'true' },
  { 'sidecar.istio.io/inject': 'false' },
];

function permutations(bases: readonly Labels[], revisions: readonly string[]): Labels[] {
  return [
    ...bases,
    ...revisions.flatMap((rev) => bases.map((b) => ({ ...b, 'istio.io/rev': rev }))),
  ];
}

function hookId(hook: IstioWebhook): string {
  return `${hook.resource.key.name}/${hook.name}`;
}

/**
 * Istio injection webhooks must not both match one (namespace labels, pod labels) combination
 * (`webhook.Analyzer`, istio/istio:pkg/config/analysis/analyzers/webhook/webhook.go@86c9f01f,
 * IST0139): the sidecar would be injected twice. One finding per webhook, naming every other
 * webhook it overlaps with.
 */
export const injectorOverlapRule: Rule = {
  id: 'mutating-webhook-configuration/injector-overlap',
  description: 'Flags Istio injection webhooks that match the same namespaces and pods as another.',
  inputs: ['MutatingWebhookConfiguration'],
  messages: ['webhookOverlap'],
  check(ctx) {
    const configs = ctx.ofKind('MutatingWebhookConfiguration');
    const hooks = istioWebhooks(configs);
    const revisions = [...new Set(configs.flatMap(webhookRevisions))].sort();
    const overlaps = new Map<IstioWebhook, Set<string>>();
    for (const ns of permutations(NAMESPACE_BASES, revisions)) {
      for (const pod of permutations(OBJECT_BASES, revisions)) {
        const matched = hooks.filter(
          (h) =>
            labelSelectorMatches(objectAt(h.webhook, 'namespaceSelector'), ns) &&
            labelSelectorMatches(objectAt(h.webhook, 'objectSelector'), pod),
        );
        if (matched.length > 1) {
          matched.forEach((h) => {
            const others = overlaps.get(h) ?? new Set<string>();
            matched.filter((o) => o !== h).forEach((o) => others.add(hookId(o)));
            overlaps.set(h, others);
          });
        }
      }
    }
    for (const [hook, others] of overlaps) {
      ctx.report('webhookOverlap', hook.resource, fieldPath('webhooks', hook.index), {
        others: [...others].sort(),
      });
    }
  },
};
