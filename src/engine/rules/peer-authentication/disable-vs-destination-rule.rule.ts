import { compareStrings } from '../../graph/util/compare.js';
import type { Rule } from '../rule.js';
import {
  type ModeSetting,
  settingsOf,
  wideDestinationRules,
  widePeerAuthentications,
} from '../shared/kiali-mtls.js';
import { fullName } from '../shared/resource-fields.js';

const PATH = 'spec.mtls.mode';
const MUTUAL: readonly string[] = ['ISTIO_MUTUAL', 'MUTUAL'];

/** The first (by full name) DestinationRule of `settings` that originates mTLS. */
function firstMutual(settings: readonly ModeSetting[]): ModeSetting | undefined {
  return settings
    .filter((s) => MUTUAL.includes(s.mode))
    .sort((a, b) => compareStrings(fullName(a.resource), fullName(b.resource)))[0];
}

/**
 * The DestinationRule that sends mTLS into a namespace whose PeerAuthentication is DISABLE: a
 * namespace-wide one first; a namespace-wide DISABLE DestinationRule shields the namespace from a
 * mesh-wide one (Kiali `peerauthentications/disabled_namespacewide_checker.go`).
 */
function namespaceOffender(
  namespaceRules: readonly ModeSetting[],
  meshRules: readonly ModeSetting[],
): ModeSetting | undefined {
  const own = firstMutual(namespaceRules);
  if (own !== undefined || namespaceRules.some((s) => s.mode === 'DISABLE')) {
    return own;
  }
  return firstMutual(meshRules);
}

/**
 * A DISABLE PeerAuthentication makes servers accept only plaintext, so a DestinationRule that still
 * originates MUTUAL / ISTIO_MUTUAL towards them breaks every call (`isTlsCompatible`, SEMANTICS
 * R9). Follows
 * kiali/kiali:`business/checkers/peerauthentications/disabled_namespacewide_checker.go`
 * (`peerauthentications.mtls.disabledestinationrulemissing`, KIA0505) and
 * `disabled_meshwide_checker.go` (`peerauthentications.mtls.disablemeshdestinationrulemissing`,
 * KIA0506).
 */
export const peerAuthenticationDisableVsDestinationRuleRule: Rule = {
  id: 'peer-authentication/disable-vs-destination-rule',
  description:
    'Flags mesh-wide or namespace-wide DISABLE PeerAuthentications while a wide DestinationRule still originates mTLS.',
  inputs: ['PeerAuthentication', 'DestinationRule'],
  messages: ['namespaceDisableVsDestinationRule', 'meshDisableVsDestinationRule'],
  check(ctx) {
    const policies = widePeerAuthentications(ctx);
    const rules = wideDestinationRules(ctx);
    const meshOffender = firstMutual(rules.mesh);
    for (const { resource, mode } of policies.mesh) {
      if (mode === 'DISABLE' && meshOffender !== undefined) {
        ctx.report('meshDisableVsDestinationRule', resource, PATH, {
          destinationRule: fullName(meshOffender.resource),
          mode: meshOffender.mode,
        });
      }
    }
    for (const [namespace, list] of policies.byNamespace) {
      const offender = namespaceOffender(settingsOf(rules, namespace), rules.mesh);
      for (const { resource, mode } of list) {
        if (mode === 'DISABLE' && offender !== undefined) {
          ctx.report('namespaceDisableVsDestinationRule', resource, PATH, {
            namespace,
            destinationRule: fullName(offender.resource),
            mode: offender.mode,
          });
        }
      }
    }
  },
};
