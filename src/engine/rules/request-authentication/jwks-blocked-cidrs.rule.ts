import { compareStrings } from '../../graph/util/compare.js';
import type { Resource } from '../../model/resource.js';
import type { Rule } from '../rule.js';
import { objectsAt, pathObject, stringAt } from '../shared/json.js';
import { fullName, labelsOf } from '../shared/resource-fields.js';

const ENV = 'BLOCKED_CIDRS_IN_JWKS_URIS';
const SHOWN = 5;

/** `hasBlockedCIDRsEnv`: some container of the pod template sets the variable to a value. */
function hasBlockedCidrs(deployment: Resource): boolean {
  const podSpec = pathObject(deployment.body, 'spec', 'template', 'spec');
  return objectsAt(podSpec, 'containers').some((container) =>
    objectsAt(container, 'env').some(
      (env) => stringAt(env, 'name') === ENV && (stringAt(env, 'value') ?? '') !== '',
    ),
  );
}

/** `formatRANames`: the first five names, then how many more. */
function describePolicies(names: readonly string[]): string {
  const shown = names.slice(0, SHOWN).join(', ');
  return names.length <= SHOWN ? shown : `${shown}, and ${names.length - SHOWN} more`;
}

/**
 * When RequestAuthentications exist, every istiod Deployment (label `app=istiod`) must set
 * `BLOCKED_CIDRS_IN_JWKS_URIS` (`BlockedCIDRsAnalyzer`, istio/istio:pkg/config/analysis/
 * analyzers/authn/blockedcidrs.go). Policy names are sorted (Istio lists them in walk order).
 */
export const jwksBlockedCidrsRule: Rule = {
  id: 'request-authentication/jwks-blocked-cidrs',
  description:
    'Flags istiod Deployments without BLOCKED_CIDRS_IN_JWKS_URIS when RequestAuthentications make istiod fetch JWKS URIs.',
  inputs: ['RequestAuthentication', 'Deployment'],
  messages: ['jwksFetchUnrestricted'],
  check(ctx) {
    const names = ctx.ofKind('RequestAuthentication').map(fullName).sort(compareStrings);
    if (names.length === 0) {
      return;
    }
    for (const deployment of ctx.ofKind('Deployment')) {
      if (labelsOf(deployment)['app'] === 'istiod' && !hasBlockedCidrs(deployment)) {
        ctx.report('jwksFetchUnrestricted', deployment, 'spec.template.spec.containers', {
          count: names.length,
          policies: describePolicies(names),
        });
      }
    }
  },
};
