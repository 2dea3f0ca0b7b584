import type { Rule } from '../rule.js';
import {
  hasMode,
  namespaceWideHost,
  settingsOf,
  wideDestinationRules,
  widePeerAuthentications,
} from '../shared/kiali-mtls.js';

const PATH = 'spec.mtls.mode';

/**
 * With auto mTLS off, clients originate Istio mTLS only where a DestinationRule says ISTIO_MUTUAL
 * (`clientTlsMode`, SEMANTICS R9), so a STRICT mesh-wide or namespace-wide PeerAuthentication needs
 * a mesh-wide (or, for a namespace, a `*.<ns>.svc.<domain>`) ISTIO_MUTUAL DestinationRule, or
 * plaintext clients are rejected. Follows
 * kiali/kiali:`business/checkers/peerauthentications/mesh_mtls_checker.go`
 * (`peerauthentication.mtls.destinationrulemissing`, KIA0401) and `namespace_mtls_checker.go`
 * (`peerauthentications.mtls.destinationrulemissing`, KIA0501); both skip when auto mTLS is on.
 */
export const peerAuthenticationStrictWithoutDestinationRuleRule: Rule = {
  id: 'peer-authentication/strict-without-destination-rule',
  description:
    'Flags STRICT mesh-wide or namespace-wide PeerAuthentications that no ISTIO_MUTUAL DestinationRule backs while auto mTLS is off.',
  inputs: ['PeerAuthentication', 'DestinationRule', 'MeshConfig'],
  messages: ['meshStrictWithoutDestinationRule', 'namespaceStrictWithoutDestinationRule'],
  check(ctx) {
    if (ctx.graph.meshConfig.enableAutoMtls) {
      return;
    }
    const policies = widePeerAuthentications(ctx);
    const rules = wideDestinationRules(ctx);
    const meshMutual = hasMode(rules.mesh, ['ISTIO_MUTUAL']);
    for (const { resource, mode } of policies.mesh) {
      if (mode === 'STRICT' && !meshMutual) {
        ctx.report('meshStrictWithoutDestinationRule', resource, PATH, {});
      }
    }
    for (const [namespace, list] of policies.byNamespace) {
      const covered = meshMutual || hasMode(settingsOf(rules, namespace), ['ISTIO_MUTUAL']);
      for (const { resource, mode } of list) {
        if (mode === 'STRICT' && !covered) {
          const host = namespaceWideHost(namespace, ctx.graph.clusterDomain);
          ctx.report('namespaceStrictWithoutDestinationRule', resource, PATH, { namespace, host });
        }
      }
    }
  },
};
