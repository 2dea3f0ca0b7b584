import type { MeshGraph } from '../graph/types/mesh-graph.js';
import type { Finding } from '../rules/finding.js';
import type { KindName } from '../rules/kinds.js';
import type { Rule } from '../rules/rule.js';

/** A previous analysis to reuse: its snapshot's graph, and the ids of the objects changed since. */
export interface RuleReuse {
  readonly graph: MeshGraph;
  /** `resourceId`s of the objects added, removed or changed (see changedResourceIds). */
  readonly changed: ReadonlySet<string>;
}

interface RawFindings {
  /** The settings rules saw (`ctx.options`), as JSON. */
  readonly settings: string;
  readonly rules: readonly Rule[];
  readonly byRule: ReadonlyMap<string, readonly Finding[]>;
}

const runs = new WeakMap<MeshGraph, RawFindings>();
const NONE: ReadonlyMap<string, readonly Finding[]> = new Map();
const ROUTING_KINDS: ReadonlySet<string> = new Set<KindName>(['VirtualService', 'DestinationRule']);

/** Keeps the raw findings (before suppression, levels and lines) of each rule of a run. */
export function rememberRawFindings(
  graph: MeshGraph,
  settings: string,
  rules: readonly Rule[],
  byRule: ReadonlyMap<string, readonly Finding[]>,
): void {
  runs.set(graph, { settings, rules, byRule });
}

/**
 * Raw findings a previous run's rules gave that the change cannot alter: when only
 * VirtualServices and DestinationRules changed, a rule reading neither (its declared `inputs`,
 * which cover what it reads through the graph — STYLE §5, checked by the rules' meta-test) sees
 * the same objects and graph parts, so it reports the same. Empty when nothing can be reused
 * (other kinds changed, other settings or rules, or no remembered run).
 */
export function reusableFindings(
  reuse: RuleReuse | undefined,
  settings: string,
  rules: readonly Rule[],
): ReadonlyMap<string, readonly Finding[]> {
  if (reuse === undefined) {
    return NONE;
  }
  const previous = runs.get(reuse.graph);
  if (
    previous?.settings !== settings ||
    previous.rules !== rules ||
    ![...reuse.changed].every((id) => ROUTING_KINDS.has(id.split('/')[1] ?? ''))
  ) {
    return NONE;
  }
  const out = new Map<string, readonly Finding[]>();
  for (const rule of rules) {
    const found = previous.byRule.get(rule.id);
    if (found !== undefined && !rule.inputs.some((kind) => ROUTING_KINDS.has(kind))) {
      out.set(rule.id, found);
    }
  }
  return out;
}
