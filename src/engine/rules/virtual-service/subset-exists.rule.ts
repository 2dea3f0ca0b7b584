import { hostSubsetOf, isWildcardHost } from '../../graph/hosts/host-name.js';
import type { Rule, RuleContext } from '../rule.js';
import { destinationsOf } from './shared/destinations.js';

/** Expanded DestinationRule host → subset names it defines (any namespace). */
function subsetsByHost(ctx: RuleContext): ReadonlyMap<string, ReadonlySet<string>> {
  return ctx.memo('subsetsByHost', (c) => {
    const out = new Map<string, Set<string>>();
    for (const rule of c.graph.destinationRules.rules) {
      const set = out.get(rule.host) ?? new Set<string>();
      rule.subsets.forEach((s) => set.add(s.name));
      out.set(rule.host, set);
    }
    return out;
  });
}

function hasSubset(ctx: RuleContext, fqdn: string, subset: string): boolean {
  const index = subsetsByHost(ctx);
  if (index.get(fqdn)?.has(subset) === true) {
    return true;
  }
  for (const [host, subsets] of index) {
    if (isWildcardHost(host) && hostSubsetOf(fqdn, host) && subsets.has(subset)) {
      return true;
    }
  }
  return false;
}

/**
 * A destination `subset` must be defined by a DestinationRule for its host
 * (`DestinationRuleAnalyzer`, istio/istio:pkg/config/analysis/analyzers/virtualservice/
 * destinationrules.go@86c9f01f; Kiali `virtualservices.subsetpresent.subsetnotfound`). DR hosts and
 * route hosts both expand with their own namespace (SEMANTICS R2).
 */
export const subsetExistsRule: Rule = {
  id: 'virtual-service/subset-exists',
  description: 'Flags route and mirror destinations naming a subset no DestinationRule defines.',
  inputs: ['VirtualService', 'DestinationRule'],
  messages: ['subsetNotFound'],
  check(ctx) {
    for (const vs of ctx.ofKind('VirtualService')) {
      for (const d of destinationsOf(vs, ctx.graph.clusterDomain)) {
        if (d.subset !== null && d.subset !== '' && !hasSubset(ctx, d.fqdn, d.subset)) {
          ctx.report('subsetNotFound', vs, `${d.path}.subset`, { host: d.host, subset: d.subset });
        }
      }
    }
  },
};
