import type { MeshGraph } from '../graph/types/mesh-graph.js';
import type { Resource } from '../model/resource.js';
import type { MessageName, MessageParams } from './catalog.js';
import type { KindName } from './kinds.js';
import type { ResolvedAnalyzeOptions } from './rule-options.js';

/**
 * What a rule sees (STYLE §5): read-only, indexed views of one snapshot, built once by the
 * pipeline, and `report`. No clock, randomness or I/O.
 */
export interface RuleContext {
  /** Every object of the snapshot. */
  readonly resources: readonly Resource[];
  /**
   * The objects of one kind (all API versions of its group), in snapshot order. For the rule's
   * `subject` kind, on a run that reuses findings, only the objects changed since that run.
   */
  ofKind(kind: KindName): readonly Resource[];
  /** One object by kind, namespace ('' for cluster-scoped kinds) and name. */
  find(kind: KindName, namespace: string, name: string): Resource | undefined;
  /** The resolved mesh graph (services, workloads, gateways, routes, policies). */
  readonly graph: MeshGraph;
  /** Analysis settings that may change what a rule concludes. */
  readonly options: ResolvedAnalyzeOptions;
  /**
   * A derived index shared by several rules, built on first use and kept for the snapshot.
   * `build` reads the snapshot through `ctx` like a rule does, always the whole snapshot (no
   * `subject` restriction).
   */
  memo<T>(id: string, build: (ctx: RuleContext) => T): T;
  report<N extends MessageName>(
    name: N,
    resource: Resource,
    path: string,
    params: MessageParams<N>,
  ): void;
}

/** The kinds a rule's findings may be local to (see `Rule.subject`). */
export type SubjectKind = 'VirtualService' | 'DestinationRule';

/** One check (STYLE §5). `id` is `<kind>/<kebab-name>` and equals the file path under rules/. */
export interface Rule {
  readonly id: string;
  readonly description: string;
  /** The kinds the rule reads, directly or through the graph. */
  readonly inputs: readonly KindName[];
  /** The catalog messages the rule may report. */
  readonly messages: readonly MessageName[];
  /**
   * Every finding is reported on an object of this kind, and the findings on one such object
   * depend only on that object and on objects of kinds other than VirtualService and
   * DestinationRule. The rule must get its subjects through `ctx.ofKind(subject)` (never from
   * `ctx.graph`, `ctx.find` or a memo): when only VirtualServices and DestinationRules changed,
   * the pipeline keeps the previous run's findings on unchanged subjects and lists only the
   * changed ones there (see analyze/rule-reuse). Its `inputs` hold `subject` and not the other
   * routing kind (checked by the subject meta-test).
   */
  readonly subject?: SubjectKind;
  check(ctx: RuleContext): void;
}
