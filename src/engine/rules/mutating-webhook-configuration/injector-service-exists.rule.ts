import { objectAt, stringAt } from '../shared/json.js';
import type { Rule } from '../rule.js';
import { fieldPath } from '../shared/resource-fields.js';
import { istioWebhooks } from './shared/istio-webhooks.js';

/**
 * An Istio injection webhook that calls a Service must find it (`webhook.Analyzer`,
 * istio/istio:pkg/config/analysis/analyzers/webhook/webhook.go@86c9f01f, IST0139).
 */
export const injectorServiceExistsRule: Rule = {
  id: 'mutating-webhook-configuration/injector-service-exists',
  description: 'Flags Istio injection webhooks whose clientConfig.service is not in the snapshot.',
  inputs: ['MutatingWebhookConfiguration', 'Service'],
  messages: ['webhookServiceNotFound'],
  check(ctx) {
    for (const hook of istioWebhooks(ctx.ofKind('MutatingWebhookConfiguration'))) {
      const service = objectAt(objectAt(hook.webhook, 'clientConfig'), 'service');
      if (service === null) {
        continue;
      }
      const namespace = stringAt(service, 'namespace') ?? '';
      const name = stringAt(service, 'name') ?? '';
      if (ctx.find('Service', namespace, name) === undefined) {
        const path = fieldPath('webhooks', hook.index, 'clientConfig', 'service');
        ctx.report('webhookServiceNotFound', hook.resource, path, {
          service: `${namespace}/${name}`,
        });
      }
    }
  },
};
