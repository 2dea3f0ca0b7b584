import { type ExportTo, isExportedTo } from '../../graph/hosts/export-to.js';
import { pushTo } from '../shared/json.js';
import type { DestinationRuleInfo } from '../../graph/types/destination-rule.js';
import type { Rule } from '../rule.js';

/** Two exportTo scopes meet when some namespace sees both rules. */
function scopesMeet(a: DestinationRuleInfo, b: DestinationRuleInfo): boolean {
  const some = (x: ExportTo, y: DestinationRuleInfo): boolean =>
    x.isPublic ? !y.exportTo.isNone : [...x.namespaces].some((ns) => isExportedTo(y.exportTo, ns));
  return some(a.exportTo, b) && some(b.exportTo, a);
}

/** Both cover the whole host (no subsets), or they define a subset of the same name. */
function subsetsMeet(a: DestinationRuleInfo, b: DestinationRuleInfo): boolean {
  if (a.subsets.length === 0 && b.subsets.length === 0) {
    return true;
  }
  const names = new Set(a.subsets.map((s) => s.name));
  return b.subsets.some((s) => names.has(s.name));
}

/**
 * Several DestinationRules without workloadSelector for the same host, visible to the same
 * namespaces, covering the whole host or the same subset (Kiali `destinationrules.multimatch`).
 * istiod merges them and the first definition wins (SEMANTICS R7).
 */
export const destinationRuleMultiMatchRule: Rule = {
  id: 'destination-rule/multi-match',
  description: 'Flags DestinationRules that define the same host (and subset) as another.',
  inputs: ['DestinationRule'],
  messages: ['destinationRuleMultiMatch'],
  check(ctx) {
    const byHost = new Map<string, DestinationRuleInfo[]>();
    for (const rule of ctx.graph.destinationRules.rules) {
      if (rule.selector === null) {
        pushTo(byHost, rule.host, rule);
      }
    }
    for (const [host, rules] of byHost) {
      for (const rule of rules) {
        const others = rules.filter(
          (o) => o !== rule && scopesMeet(rule, o) && subsetsMeet(rule, o),
        );
        const resource = ctx.find('DestinationRule', rule.namespace, rule.key.name);
        if (others.length > 0 && resource !== undefined) {
          ctx.report('destinationRuleMultiMatch', resource, 'spec.host', {
            host,
            others: others.map((o) => o.id).sort(),
          });
        }
      }
    }
  },
};
