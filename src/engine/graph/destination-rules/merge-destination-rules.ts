import { exportToEquals, exportToStrictSuperset } from '../hosts/export-to.js';
import type {
  DestinationRuleInfo,
  MergedDestinationRule,
  SubsetInfo,
} from '../types/destination-rule.js';
import { labelsEqual } from '../util/labels.js';
import type { JsonObject } from '../../model/json.js';

/** Mutable while the index is built; exposed read-only. */
export interface MergeEntry extends MergedDestinationRule {
  from: string[];
  subsets: SubsetInfo[];
  trafficPolicy: JsonObject | null;
  note: string | null;
}

export function entryFor(rule: DestinationRuleInfo): MergeEntry {
  return {
    host: rule.host,
    namespace: rule.namespace,
    exportTo: rule.exportTo,
    selector: rule.selector,
    from: [rule.id],
    subsets: [...rule.subsets],
    trafficPolicy: rule.trafficPolicy,
    note: null,
  };
}

function mergeInto(entry: MergeEntry, rule: DestinationRuleInfo, orderAssumed: boolean): void {
  entry.from.push(rule.id);
  const names = new Set(entry.subsets.map((s) => s.name));
  for (const subset of rule.subsets) {
    if (!names.has(subset.name)) {
      entry.subsets.push(subset);
      names.add(subset.name);
    }
  }
  entry.trafficPolicy ??= rule.trafficPolicy;
  if (orderAssumed) {
    entry.note = `DestinationRules ${entry.from.join(', ')} for ${entry.host} are merged oldest first; their order follows the R12 creation-order rule`;
  }
}

/**
 * R7 — same host in one namespace (`mergeDestinationRule`, P/model/destination_rule.go, with
 * ENABLE_ENHANCED_DESTINATIONRULE_MERGE): subsets concatenate by unique name (first wins), the
 * first non-nil top-level trafficPolicy wins; rules merge only when their exportTo sets are equal
 * (a later strict superset is merged *and* kept as its own entry); different selectors stay apart.
 * `rules` must arrive sorted (selector first, then oldest first).
 */
export function mergeDestinationRule(
  list: MergeEntry[],
  rule: DestinationRuleInfo,
  orderAssumed: boolean,
): void {
  let appendSeparately = true;
  for (const entry of list) {
    const bothWithout = entry.selector === null && rule.selector === null;
    const bothWith = entry.selector !== null && rule.selector !== null;
    const selectorsMatch = labelsEqual(entry.selector, rule.selector);
    if (exportToEquals(rule.exportTo, entry.exportTo)) {
      appendSeparately = !(bothWithout || (bothWith && selectorsMatch));
    } else if (exportToStrictSuperset(rule.exportTo, entry.exportTo)) {
      appendSeparately = true;
    } else {
      appendSeparately = true;
      continue;
    }
    if (bothWith && !selectorsMatch) {
      appendSeparately = true;
      continue;
    }
    mergeInto(entry, rule, orderAssumed);
  }
  if (appendSeparately) {
    list.push(entryFor(rule));
  }
}
