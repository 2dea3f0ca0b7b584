import { resolveGraph } from '../../graph/resolve-graph.js';
import type { JsonObject } from '../../model/json.js';
import type { Resource } from '../../model/resource.js';
import { meshConfigObject } from '../../analyze/mesh-config-object.js';
import type { Finding } from '../finding.js';
import type { KindName } from '../kinds.js';
import type { Rule } from '../rule.js';
import { buildSnapshotView } from '../snapshot-view.js';
import { createTrackingContext } from './tracking-context.js';

export interface RuleRun {
  readonly findings: Finding[];
  readonly read: ReadonlySet<KindName>;
}

/** Runs one rule alone over some resources, recording what it reads. */
export function runRule(
  rule: Rule,
  resources: readonly Resource[],
  meshConfig?: JsonObject,
): RuleRun {
  const graph = resolveGraph(resources);
  const options = {
    meshConfig: meshConfigObject(resources, graph.rootNamespace, meshConfig),
    istioNamespace: graph.rootNamespace,
  };
  const view = buildSnapshotView(resources, graph, options);
  const findings: Finding[] = [];
  const { ctx, read } = createTrackingContext(view, rule, (f) => findings.push(f));
  rule.check(ctx);
  return { findings, read };
}

/** `MESH1107 VirtualService default/reviews spec.http[0]...` — compact form for table specs. */
export function describeFinding(finding: Finding): string {
  const { kind, namespace, name } = finding.resource;
  const where = namespace === '' ? name : `${namespace}/${name}`;
  return `${finding.code} ${kind} ${where} ${finding.path}`;
}
