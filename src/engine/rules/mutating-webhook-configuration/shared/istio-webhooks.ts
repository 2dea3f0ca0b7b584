import { objectAt, objectsAt, stringAt } from '../../shared/json.js';
import type { JsonObject } from '../../../model/json.js';
import type { Resource } from '../../../model/resource.js';
import { labelsOf } from '../../shared/resource-fields.js';

const REV = 'istio.io/rev';

export interface IstioWebhook {
  readonly resource: Resource;
  readonly index: number;
  readonly name: string;
  readonly webhook: JsonObject;
}

function selectorRevisions(selector: JsonObject | null): string[] {
  const out: string[] = [];
  const direct = stringAt(objectAt(selector, 'matchLabels'), REV);
  if (direct !== null) {
    out.push(direct);
  }
  for (const expression of objectsAt(selector, 'matchExpressions')) {
    if (stringAt(expression, 'key') === REV) {
      const values = expression['values'];
      out.push(
        ...(Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string') : []),
      );
    }
  }
  return out;
}

/** `extractRevisions` (istio/istio:pkg/config/analysis/analyzers/webhook/webhook.go@86c9f01f). */
export function webhookRevisions(resource: Resource): string[] {
  const out: string[] = [];
  const label = labelsOf(resource)[REV];
  if (label !== undefined) {
    out.push(label);
  }
  for (const webhook of objectsAt(resource.body, 'webhooks')) {
    out.push(...selectorRevisions(objectAt(webhook, 'namespaceSelector')));
    out.push(...selectorRevisions(objectAt(webhook, 'objectSelector')));
  }
  return out;
}

/** Istio injection webhooks: a revision, or a webhook named `*istio.io` (`isIstioWebhook`). */
export function istioWebhooks(configs: readonly Resource[]): IstioWebhook[] {
  const out: IstioWebhook[] = [];
  for (const resource of configs) {
    const webhooks = objectsAt(resource.body, 'webhooks');
    const isIstio =
      webhookRevisions(resource).length > 0 ||
      webhooks.some((w) => (stringAt(w, 'name') ?? '').endsWith('istio.io'));
    if (isIstio) {
      webhooks.forEach((webhook, index) => {
        out.push({ resource, index, name: stringAt(webhook, 'name') ?? '', webhook });
      });
    }
  }
  return out;
}
