import { readDestinationRule } from '../../graph/destination-rules/read-destination-rules.js';
import type { DestinationRuleInfo } from '../../graph/types/destination-rule.js';
import { type Resource, type ResourceKey, resourceId } from '../../model/resource.js';
import type { RuleContext } from '../rule.js';

interface InfoIndex {
  /** By the key object of the DestinationRule the graph read. */
  readonly byKey: ReadonlyMap<ResourceKey, DestinationRuleInfo>;
  /** By `resourceId`; null when several objects share the id. */
  readonly byId: ReadonlyMap<string, DestinationRuleInfo | null>;
}

function infoIndex(ctx: RuleContext): InfoIndex {
  return ctx.memo('destinationRuleInfoIndex', (c) => {
    const byKey = new Map<ResourceKey, DestinationRuleInfo>();
    const byId = new Map<string, DestinationRuleInfo | null>();
    for (const info of c.graph.destinationRules.rules) {
      byKey.set(info.key, info);
      const id = resourceId(info.key);
      byId.set(id, byId.has(id) ? null : info);
    }
    return { byKey, byId };
  });
}

/**
 * The graph's reading of one DestinationRule object (host expanded with its namespace, SEMANTICS
 * R2), for rules that iterate DestinationRule objects (`Rule.subject`). The graph may have read
 * another copy of the object (an unchanged object's reading kept from a base snapshot): then the
 * reading with the same id; read again when the id is ambiguous.
 */
export function destinationRuleInfo(ctx: RuleContext, resource: Resource): DestinationRuleInfo {
  const index = infoIndex(ctx);
  return (
    index.byKey.get(resource.key) ??
    index.byId.get(resourceId(resource.key)) ??
    readDestinationRule(resource, ctx.graph.meshConfig, ctx.graph.clusterDomain)
  );
}
