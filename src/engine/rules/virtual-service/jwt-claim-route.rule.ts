import type { WorkloadInfo } from '../../graph/types/workload.js';
import { selectorMatches, type Labels } from '../../graph/util/labels.js';
import type { Resource } from '../../model/resource.js';
import type { Rule, RuleContext } from '../rule.js';
import { objectAt, objectsAt, pushTo } from '../shared/json.js';
import { matchLabelsOf } from '../shared/policy-selectors.js';
import { fieldPath, specOf } from '../shared/resource-fields.js';
import { gatewayRefs } from './shared/gateway-refs.js';

const CLAIM = '@request.auth.claims';

interface ClaimMatch {
  readonly key: string;
  readonly path: string;
}

/** `routeBasedOnJWTClaimKey`: the first header match on a JWT claim (keys in sorted order). */
function claimMatch(vs: Resource): ClaimMatch | null {
  const rules = objectsAt(specOf(vs), 'http');
  for (const [i, rule] of rules.entries()) {
    for (const [j, match] of objectsAt(rule, 'match').entries()) {
      for (const field of ['headers', 'withoutHeaders']) {
        const key = Object.keys(objectAt(match, field) ?? {})
          .sort()
          .find((k) => k.startsWith(CLAIM));
        if (key !== undefined) {
          return { key, path: fieldPath('spec', 'http', i, 'match', j, field, key) };
        }
      }
    }
  }
  return null;
}

/** Namespace → selectors of its RequestAuthentications (null: the whole namespace). */
function selectorsByNamespace(ctx: RuleContext): Map<string, (Labels | null)[]> {
  const out = new Map<string, (Labels | null)[]>();
  for (const policy of ctx.ofKind('RequestAuthentication')) {
    pushTo(out, policy.key.namespace, matchLabelsOf(policy));
  }
  return out;
}

/** The proxy workloads serving a Gateway (empty when the Gateway is not in the snapshot). */
function gatewayWorkloads(ctx: RuleContext, id: string): WorkloadInfo[] {
  const proxies = ctx.graph.gatewaysById.get(id)?.proxies ?? [];
  return proxies.flatMap((p) => {
    const workload = ctx.graph.workloadsById.get(p);
    return workload === undefined ? [] : [workload];
  });
}

/**
 * Routing on `@request.auth.claims.*` at a gateway needs a RequestAuthentication, in the gateway
 * workload's namespace or the root namespace, whose selector matches that workload
 * (`JWTClaimRouteAnalyzer`, istio/istio:pkg/config/analysis/analyzers/virtualservice/
 * jwtclaimroute.go). Gateway workloads are the proxies the graph binds the Gateway to (SEMANTICS
 * R4); pod templates count as pods.
 */
export const jwtClaimRouteRule: Rule = {
  id: 'virtual-service/jwt-claim-route',
  description:
    'Flags gateway VirtualServices that route on JWT claims while no RequestAuthentication applies to the gateway workload.',
  inputs: ['VirtualService', 'RequestAuthentication', 'Gateway', 'Workload'],
  subject: 'VirtualService',
  messages: ['jwtClaimRouteWithoutRequestAuthentication'],
  check(ctx) {
    const selectors = selectorsByNamespace(ctx);
    const root = ctx.graph.rootNamespace;
    const isAuthenticated = (workload: WorkloadInfo): boolean =>
      [
        ...(selectors.get(root) ?? []),
        ...(workload.namespace === root ? [] : (selectors.get(workload.namespace) ?? [])),
      ].some((s) => selectorMatches(s, workload.labels));
    for (const vs of ctx.ofKind('VirtualService')) {
      const claim = claimMatch(vs);
      for (const ref of claim === null ? [] : gatewayRefs(vs)) {
        for (const workload of gatewayWorkloads(ctx, ref.id)) {
          if (claim !== null && !isAuthenticated(workload)) {
            ctx.report('jwtClaimRouteWithoutRequestAuthentication', vs, claim.path, {
              key: claim.key,
              gateway: ref.id,
              workload: workload.name,
            });
          }
        }
      }
    }
  },
};
