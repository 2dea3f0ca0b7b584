import type { FindingLevel, FindingParams } from './finding.js';

/**
 * One catalog entry (STYLE §5): a stable code, the level, a title and docs text that double as
 * user documentation, the message template, and the Istio / Kiali codes with the same meaning.
 */
export interface MessageSpec<P extends FindingParams> {
  readonly code: string;
  readonly level: FindingLevel;
  readonly title: string;
  readonly docs: string;
  readonly istioCode?: string;
  readonly kialiCode?: string;
  readonly template: (params: P) => string;
}

/** Constraint for a family of messages (`as const satisfies MessageFamily`). */
export type MessageFamily = Readonly<Record<string, MessageSpec<never>>>;

/** Quotes a value the way Go's `%q` does for plain strings. */
export function quote(value: string): string {
  return JSON.stringify(value);
}
