import type { Rule } from '../rule.js';
import { objectAt, stringAt } from '../shared/json.js';
import { specOf } from '../shared/resource-fields.js';

/**
 * A Sidecar `outboundTrafficPolicy` replaces the mesh default as a whole (`ConvertToSidecarScope`,
 * istio/istio:pilot/pkg/model/sidecar.go), so without `mode` the proxy gets the enum's zero value,
 * REGISTRY_ONLY. Follows
 * kiali/kiali:`business/checkers/sidecars/outbound_traffic_policy_mode.go`
 * (`sidecar.outboundtrafficpolicy.mode.ambiguous`, KIA1007), which cannot tell an absent mode from
 * an explicit REGISTRY_ONLY; the YAML can, so only an absent (or empty) mode is reported.
 */
export const sidecarOutboundModeUnsetRule: Rule = {
  id: 'sidecar/outbound-mode-unset',
  description: 'Flags Sidecars whose outboundTrafficPolicy sets no mode (read as REGISTRY_ONLY).',
  inputs: ['Sidecar', 'MeshConfig'],
  messages: ['sidecarOutboundModeUnset'],
  check(ctx) {
    for (const sidecar of ctx.ofKind('Sidecar')) {
      const policy = objectAt(specOf(sidecar), 'outboundTrafficPolicy');
      if (policy !== null && (stringAt(policy, 'mode') ?? '') === '') {
        ctx.report('sidecarOutboundModeUnset', sidecar, 'spec.outboundTrafficPolicy', {
          meshMode: ctx.graph.meshConfig.outboundTrafficPolicy,
        });
      }
    }
  },
};
