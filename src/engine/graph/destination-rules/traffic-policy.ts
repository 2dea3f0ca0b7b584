import type { MergedDestinationRule, SubsetInfo } from '../types/destination-rule.js';

export function findSubset(rule: MergedDestinationRule | null, subset: string): SubsetInfo | null {
  return rule?.subsets.find((s) => s.name === subset) ?? null;
}
