import { resolveGraph } from '../../graph/resolve-graph.js';
import type { JsonObject } from '../../model/json.js';
import type { Resource } from '../../model/resource.js';
import { meshConfigObject } from '../../analyze/mesh-config-object.js';
import type { Finding } from '../finding.js';
import type { KindName } from '../kinds.js';
import type { Rule } from '../rule.js';
import { createRuleContext } from '../rule-context.js';
import { buildSnapshotView, resourcesOfKind, type SnapshotView } from '../snapshot-view.js';
import { createTrackingContext } from './tracking-context.js';

export interface RuleRun {
  readonly findings: Finding[];
  readonly read: ReadonlySet<KindName>;
}

function viewOf(resources: readonly Resource[], meshConfig?: JsonObject): SnapshotView {
  const graph = resolveGraph(resources);
  const options = {
    meshConfig: meshConfigObject(resources, graph.rootNamespace, meshConfig),
    istioNamespace: graph.rootNamespace,
  };
  return buildSnapshotView(resources, graph, options);
}

/** Runs one rule alone over some resources, recording what it reads. */
export function runRule(
  rule: Rule,
  resources: readonly Resource[],
  meshConfig?: JsonObject,
): RuleRun {
  const view = viewOf(resources, meshConfig);
  const findings: Finding[] = [];
  const { ctx, read } = createTrackingContext(view, rule, (f) => findings.push(f));
  rule.check(ctx);
  return { findings, read };
}

/**
 * Runs a rule with a `subject` as a reusing run does: `ctx.ofKind(subject)` lists only the
 * subjects `only` keeps (every object is still in the snapshot and the memos).
 */
export function runRuleOnSubjects(
  rule: Rule,
  resources: readonly Resource[],
  only: (subject: Resource) => boolean,
): Finding[] {
  const view = viewOf(resources);
  const subjects = rule.subject === undefined ? [] : resourcesOfKind(view, rule.subject);
  const findings: Finding[] = [];
  const sink = (f: Finding): void => {
    findings.push(f);
  };
  rule.check(createRuleContext(view, rule, sink, undefined, subjects.filter(only)));
  return findings;
}

/** `MESH1107 VirtualService default/reviews spec.http[0]...` — compact form for table specs. */
export function describeFinding(finding: Finding): string {
  const { kind, namespace, name } = finding.resource;
  const where = namespace === '' ? name : `${namespace}/${name}`;
  return `${finding.code} ${kind} ${where} ${finding.path}`;
}
