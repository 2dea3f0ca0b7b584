import { objectAt, objectsAt, stringAt } from '../shared/json.js';
import type { JsonObject } from '../../model/json.js';
import type { Resource } from '../../model/resource.js';
import type { Rule, RuleContext } from '../rule.js';
import { fieldPath } from '../shared/resource-fields.js';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

const AUTHORITY = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/;

/** The host of a URL (`url.Hostname()`), '' when it has none, null when it cannot be parsed. */
function hostnameOf(url: string): string | null {
  if (/\s/.test(url.trim())) {
    return null;
  }
  const match = AUTHORITY.exec(url.trim());
  return match === null ? '' : (match[1] ?? '').replace(/^\[|\]$/g, '');
}

/**
 * `lintWebhookURL` without the DNS lookup a static analysis cannot do: an unparsable URL or an
 * empty host is invalid, an IP address is reported as such.
 */
function checkHook(ctx: RuleContext, resource: Resource, webhook: JsonObject, index: number): void {
  const clientConfig = objectAt(webhook, 'clientConfig');
  const url = stringAt(clientConfig, 'url');
  const name = stringAt(webhook, 'name') ?? '';
  const path = fieldPath('webhooks', index, 'clientConfig');
  if (url === null) {
    if (objectAt(clientConfig, 'service') === null) {
      ctx.report('externalControlPlaneUrlInvalid', resource, path, {
        url: '',
        webhook: name,
        problem: 'is blank',
      });
    }
    return;
  }
  const host = hostnameOf(url);
  if (host === null || host === '') {
    const problem =
      host === null ? 'was provided in an invalid format' : 'cannot be resolved via a DNS lookup';
    ctx.report('externalControlPlaneUrlInvalid', resource, `${path}.url`, {
      url,
      webhook: name,
      problem,
    });
  } else if (IPV4.test(host) || host.includes(':')) {
    ctx.report('externalControlPlaneAddressIsIp', resource, `${path}.url`, { url, webhook: name });
  }
}

function isIstioValidator(name: string): boolean {
  return name === 'istiod-default-validator' || name.startsWith('istio-validator');
}

/**
 * Istio webhooks of a remote cluster must reach the external istiod (`ExternalControlPlaneAnalyzer`,
 * istio/istio:pkg/config/analysis/analyzers/externalcontrolplane/externalcontrolplane.go@86c9f01f).
 */
export const externalControlPlaneUrlRule: Rule = {
  id: 'webhook-configuration/external-control-plane-url',
  description: 'Flags Istio webhooks whose URL cannot reach an external control plane.',
  inputs: ['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration'],
  messages: ['externalControlPlaneUrlInvalid', 'externalControlPlaneAddressIsIp'],
  check(ctx) {
    const validating = ctx
      .ofKind('ValidatingWebhookConfiguration')
      .filter((r) => isIstioValidator(r.key.name));
    const mutating = ctx
      .ofKind('MutatingWebhookConfiguration')
      .filter((r) => r.key.name.startsWith('istio-sidecar-injector'));
    for (const resource of [...validating, ...mutating]) {
      objectsAt(resource.body, 'webhooks').forEach((webhook, i) => {
        checkHook(ctx, resource, webhook, i);
      });
    }
  },
};
