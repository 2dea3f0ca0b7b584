import type { MeshGraph } from '../graph/types/mesh-graph.js';
import { resourceId } from '../model/resource.js';
import type { Finding } from '../rules/finding.js';
import type { KindName } from '../rules/kinds.js';
import type { Rule } from '../rules/rule.js';

/** A previous analysis to reuse: its snapshot's graph, and the ids of the objects changed since. */
export interface RuleReuse {
  readonly graph: MeshGraph;
  /** `resourceId`s of the objects added, removed or changed (see changedResourceIds). */
  readonly changed: ReadonlySet<string>;
}

/** What a run may take from a previous run's raw findings. */
export interface ReusePlan {
  /** Rules whose previous findings all still hold: they do not run again. */
  readonly whole: ReadonlyMap<string, readonly Finding[]>;
  /**
   * Rules with a `subject`: their previous findings on subjects the change left alone. They run
   * again over the changed subjects only (`changed`).
   */
  readonly partial: ReadonlyMap<string, readonly Finding[]>;
  /** `resourceId`s of the objects added, removed or changed. */
  readonly changed: ReadonlySet<string>;
}

interface RawFindings {
  /** The settings rules saw (`ctx.options`), as JSON. */
  readonly settings: string;
  readonly rules: readonly Rule[];
  readonly byRule: ReadonlyMap<string, readonly Finding[]>;
}

const runs = new WeakMap<MeshGraph, RawFindings>();
const NONE: ReusePlan = { whole: new Map(), partial: new Map(), changed: new Set() };
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
 * The namespaces of a graph include those of every object (VirtualServices and DestinationRules
 * too): a routing change adding or removing the last object of a namespace changes what rules
 * reading `graph.namespaces` see, whatever their inputs.
 */
function sameNamespaces(a: MeshGraph, b: MeshGraph): boolean {
  return (
    a.namespaces.size === b.namespaces.size &&
    [...a.namespaces.keys()].every((ns) => b.namespaces.has(ns))
  );
}

function reusable(
  reuse: RuleReuse,
  graph: MeshGraph,
  settings: string,
  rules: readonly Rule[],
): RawFindings | null {
  const previous = runs.get(reuse.graph);
  return previous?.settings === settings &&
    previous.rules === rules &&
    [...reuse.changed].every((id) => ROUTING_KINDS.has(id.split('/')[1] ?? '')) &&
    sameNamespaces(reuse.graph, graph)
    ? previous
    : null;
}

/**
 * Raw findings a previous run's rules gave that the change cannot alter, when only
 * VirtualServices and DestinationRules changed (and no namespace appeared or went):
 * - a rule reading neither (its declared `inputs`, which cover what it reads through the graph —
 *   STYLE §5, checked by the rules' meta-test) sees the same objects and graph parts, so it
 *   reports the same;
 * - a rule with a `subject` reports the same on every subject the change left alone (its
 *   findings there depend on no other routing object), so only the changed ones need a run.
 * Nothing is reused when other kinds changed, with other settings or rules, or without a
 * remembered run for `reuse.graph`. `graph` is the graph of the run about to happen.
 */
export function reusableFindings(
  reuse: RuleReuse | undefined,
  graph: MeshGraph,
  settings: string,
  rules: readonly Rule[],
): ReusePlan {
  const previous = reuse === undefined ? null : reusable(reuse, graph, settings, rules);
  if (reuse === undefined || previous === null) {
    return NONE;
  }
  const whole = new Map<string, readonly Finding[]>();
  const partial = new Map<string, readonly Finding[]>();
  for (const rule of rules) {
    const found = previous.byRule.get(rule.id);
    if (found === undefined) {
      continue;
    }
    if (!rule.inputs.some((kind) => ROUTING_KINDS.has(kind))) {
      whole.set(rule.id, found);
    } else if (rule.subject !== undefined) {
      partial.set(
        rule.id,
        found.filter((f) => !reuse.changed.has(resourceId(f.resourceKey))),
      );
    }
  }
  return { whole, partial, changed: reuse.changed };
}
