import { uniqueSorted } from '../../graph/util/compare.js';
import { selectorMatches, type Labels } from '../../graph/util/labels.js';
import type { KindName } from '../kinds.js';
import type { Rule, RuleContext } from '../rule.js';
import { hasKey, pathObject, pushTo, stringMapAt } from '../shared/json.js';
import { matchLabelsOf } from '../shared/policy-selectors.js';
import { specOf } from '../shared/resource-fields.js';

const GATEWAY_NAME = 'gateway.networking.k8s.io/gateway-name';
const POLICY_KINDS: readonly KindName[] = [
  'AuthorizationPolicy',
  'RequestAuthentication',
  'Telemetry',
];

/**
 * Namespace → label sets of Kubernetes Gateway pods (`gatewayPodsLabelMap`): workloads carrying
 * the gateway-name label, and the pods istiod deploys for each Gateway object (that label plus
 * `spec.infrastructure.labels`), which a manifest snapshot does not contain.
 */
function gatewayPods(ctx: RuleContext): Map<string, Labels[]> {
  const out = new Map<string, Labels[]>();
  for (const workload of ctx.graph.workloads) {
    if (workload.labels[GATEWAY_NAME] !== undefined && !workload.isAssumed) {
      pushTo(out, workload.namespace, workload.labels);
    }
  }
  for (const gateway of ctx.ofKind('KubernetesGateway')) {
    const infrastructure = stringMapAt(pathObject(specOf(gateway), 'infrastructure'), 'labels');
    pushTo(out, gateway.key.namespace, { ...infrastructure, [GATEWAY_NAME]: gateway.key.name });
  }
  return out;
}

/**
 * A policy attached by `selector` to the pods of a Kubernetes Gateway is not applied to it: such
 * gateways take policies through `targetRefs` (`SelectorAnalyzer`, istio/istio:pkg/config/
 * analysis/analyzers/k8sgateway/workloadselector.go). One finding per policy and Gateway (Istio
 * reports once per pod). WasmPlugin, which Istio also checks, is not a kind meshlens reads.
 */
export const policySelectorRule: Rule = {
  id: 'kubernetes-gateway/policy-selector',
  description:
    'Flags AuthorizationPolicies, RequestAuthentications and Telemetries whose selector matches Kubernetes Gateway pods.',
  inputs: [...POLICY_KINDS, 'KubernetesGateway', 'Workload'],
  messages: ['ineffectiveSelectorOnKubernetesGateway'],
  check(ctx) {
    const pods = gatewayPods(ctx);
    for (const kind of POLICY_KINDS) {
      for (const policy of ctx.ofKind(kind)) {
        const spec = specOf(policy);
        const selector = matchLabelsOf(policy);
        if (selector === null || hasKey(spec, 'targetRef') || hasKey(spec, 'targetRefs')) {
          continue;
        }
        const matched = (pods.get(policy.key.namespace) ?? []).filter((labels) =>
          selectorMatches(selector, labels),
        );
        for (const gateway of uniqueSorted(matched.map((l) => l[GATEWAY_NAME] ?? ''))) {
          ctx.report('ineffectiveSelectorOnKubernetesGateway', policy, 'spec.selector', {
            gateway,
          });
        }
      }
    }
  },
};
