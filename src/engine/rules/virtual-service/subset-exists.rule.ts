import { hostSubsetOf, isWildcardHost } from '../../graph/hosts/host-name.js';
import type { Rule, RuleContext } from '../rule.js';
import { destinationsOf } from './shared/destinations.js';

interface SubsetIndex {
  /** Expanded DestinationRule host → subset names it defines (any namespace). */
  readonly byHost: ReadonlyMap<string, ReadonlySet<string>>;
  /** The wildcard hosts among them. */
  readonly wildcards: readonly (readonly [string, ReadonlySet<string>])[];
}

function subsetsByHost(ctx: RuleContext): SubsetIndex {
  return ctx.memo('subsetsByHost', (c) => {
    const byHost = new Map<string, Set<string>>();
    for (const rule of c.graph.destinationRules.rules) {
      const set = byHost.get(rule.host) ?? new Set<string>();
      rule.subsets.forEach((s) => set.add(s.name));
      byHost.set(rule.host, set);
    }
    return { byHost, wildcards: [...byHost].filter(([host]) => isWildcardHost(host)) };
  });
}

function hasSubset(ctx: RuleContext, fqdn: string, subset: string): boolean {
  const index = subsetsByHost(ctx);
  if (index.byHost.get(fqdn)?.has(subset) === true) {
    return true;
  }
  return index.wildcards.some(([host, subsets]) => hostSubsetOf(fqdn, host) && subsets.has(subset));
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
