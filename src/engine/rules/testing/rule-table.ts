import type { Rule } from '../rule.js';
import { loadFixture } from './load-fixture.js';
import { describeFinding, runRule } from './run-rule.js';

/** One row of a rule spec table (STYLE §5): a fixture and the findings it must produce. */
export interface RuleCase {
  readonly fixture: string;
  /** `MESH1107 VirtualService default/reviews spec.http[0].route[0].destination.subset`. */
  readonly expected: readonly string[];
}

/** Findings of one rule on fixture text, sorted, in the compact `describeFinding` form. */
export function findingsOf(rule: Rule, text: string): string[] {
  const { resources } = loadFixture(text);
  return runRule(rule, resources).findings.map(describeFinding).sort();
}
