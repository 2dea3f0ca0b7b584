import type { Rule } from '../rule.js';
import {
  hasMode,
  settingsOf,
  wideDestinationRules,
  widePeerAuthentications,
} from '../shared/kiali-mtls.js';

const PATH = 'spec.trafficPolicy.tls.mode';
const ENABLED: readonly string[] = ['STRICT', 'PERMISSIVE'];

/**
 * A mesh-wide (`*.local`) or namespace-wide (`*.<ns>.svc.<domain>`) DestinationRule with
 * ISTIO_MUTUAL states an mTLS intent that a PeerAuthentication without selector of the same scope
 * (or, for a namespace, of the mesh) should complete with STRICT or PERMISSIVE. Follows
 * kiali/kiali:`business/checkers/destinationrules/meshwide_mtls_checker.go`
 * (`destinationrules.mtls.meshpolicymissing`, KIA0205) and `namespacewide_mtls_checker.go`
 * (`destinationrules.mtls.nspolicymissing`, KIA0206). Kiali only reads namespace hosts naming the
 * DestinationRule's own namespace; here the namespace named by the host is checked, wherever the
 * DestinationRule lives.
 */
export const destinationRuleMtlsWithoutPeerAuthenticationRule: Rule = {
  id: 'destination-rule/mtls-without-peer-authentication',
  description:
    'Flags mesh-wide or namespace-wide ISTIO_MUTUAL DestinationRules with no PeerAuthentication enabling mTLS for that scope.',
  inputs: ['DestinationRule', 'PeerAuthentication'],
  messages: ['meshMtlsWithoutPeerAuthentication', 'namespaceMtlsWithoutPeerAuthentication'],
  check(ctx) {
    const root = ctx.graph.rootNamespace;
    const rules = wideDestinationRules(ctx);
    const policies = widePeerAuthentications(ctx);
    const meshEnabled = hasMode(policies.mesh, ENABLED);
    if (meshEnabled) {
      return;
    }
    for (const { resource, mode } of rules.mesh) {
      if (mode === 'ISTIO_MUTUAL') {
        ctx.report('meshMtlsWithoutPeerAuthentication', resource, PATH, { root });
      }
    }
    for (const [namespace, list] of rules.byNamespace) {
      if (hasMode(settingsOf(policies, namespace), ENABLED)) {
        continue;
      }
      for (const { resource, mode } of list) {
        if (mode === 'ISTIO_MUTUAL') {
          ctx.report('namespaceMtlsWithoutPeerAuthentication', resource, PATH, { namespace, root });
        }
      }
    }
  },
};
