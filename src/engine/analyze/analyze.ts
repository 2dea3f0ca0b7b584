import { resolveGraph } from '../graph/resolve-graph.js';
import { type Resource, type ResourceKey, resourceId } from '../model/resource.js';
import { CATALOG } from '../rules/catalog.js';
import type { Finding } from '../rules/finding.js';
import { RULES } from '../rules/registry.js';
import type { Rule, SubjectKind } from '../rules/rule.js';
import { createRuleContext } from '../rules/rule-context.js';
import type { ResolvedAnalyzeOptions } from '../rules/rule-options.js';
import {
  buildSnapshotView,
  resourceByKey,
  resourcesOfKind,
  type SnapshotView,
} from '../rules/snapshot-view.js';
import type { AnalyzeOptions } from './analyze-options.js';
import { applyLevelOverrides, attachLines, sortAndDedupe } from './finalize-findings.js';
import { meshConfigObject, withMeshConfigMap } from './mesh-config-object.js';
import { rememberRawFindings, reusableFindings, type ReusePlan } from './rule-reuse.js';
import { applySuppressions } from './suppressions.js';

const DEFAULT_ROOT = 'istio-system';

/** Findings limited to some codes: what a diff against a run sharing the other codes needs. */
export interface ScopedFindings {
  readonly findings: Finding[];
  /** The MESH codes the list covers; null: every code. */
  readonly codes: ReadonlySet<string> | null;
}

/** The MESH codes the rules that ran again may report (a reused rule's own are unchanged). */
function codesOfRules(rules: readonly Rule[], reused: ReadonlyMap<string, unknown>): Set<string> {
  const codes = new Set<string>();
  for (const rule of rules) {
    if (!reused.has(rule.id)) {
      rule.messages.forEach((name) => codes.add(CATALOG[name].code));
    }
  }
  return codes;
}

/**
 * Runs every registered rule over one snapshot (STYLE §5): indexes and the graph are built once,
 * then suppression (object annotations, disabled codes, explicit suppressions) and level overrides
 * are applied centrally. The result is sorted by (resource, code, path): the same input gives the
 * same output.
 */
export function analyze(resources: readonly Resource[], options: AnalyzeOptions = {}): Finding[] {
  return analyzeScoped(resources, options, false).findings;
}

/**
 * As `analyze`, but when `options.reuse` let rules keep a previous run's findings, only the
 * findings of the codes the other rules may report: the codes left out are the same as in the
 * previous run (same raw findings, on objects the change did not touch), so a diff of the two
 * runs restricted to `codes` is the diff of the whole runs, without finishing thousands of
 * unchanged findings.
 */
export function analyzeChanged(
  resources: readonly Resource[],
  options: AnalyzeOptions = {},
): ScopedFindings {
  return analyzeScoped(resources, options, true);
}

/** The changed objects of the snapshot of one subject kind (a reusing run's subjects). */
function changedSubjects(
  view: SnapshotView,
  kind: SubjectKind,
  changed: ReadonlySet<string>,
): readonly Resource[] {
  // Names first: `resourceId` for each of thousands of subjects costs more than the rule run.
  const names = new Set([...changed].map((id) => id.slice(id.lastIndexOf('/') + 1)));
  return resourcesOfKind(view, kind).filter(
    (r) => names.has(r.key.name) && changed.has(resourceId(r.key)),
  );
}

/**
 * Each rule's raw findings, reused from a previous run where the change cannot alter them: whole
 * for rules that do not read routing objects, on the unchanged subjects for subject rules (which
 * then run over the changed subjects only). Every list is complete, so this run can be reused in
 * turn.
 */
function runRules(
  view: SnapshotView,
  rules: readonly Rule[],
  plan: ReusePlan,
): Map<string, readonly Finding[]> {
  const byRule = new Map<string, readonly Finding[]>();
  const subjects = new Map<SubjectKind, readonly Resource[]>();
  for (const rule of rules) {
    const whole = plan.whole.get(rule.id);
    if (whole !== undefined) {
      byRule.set(rule.id, whole);
      continue;
    }
    const kept = plan.partial.get(rule.id);
    let only: readonly Resource[] | undefined;
    if (kept !== undefined && rule.subject !== undefined) {
      only = subjects.get(rule.subject) ?? changedSubjects(view, rule.subject, plan.changed);
      subjects.set(rule.subject, only);
    }
    const out: Finding[] = [...(kept ?? [])];
    rule.check(createRuleContext(view, rule, (finding) => out.push(finding), undefined, only));
    byRule.set(rule.id, out);
  }
  return byRule;
}

function analyzeScoped(
  resources: readonly Resource[],
  options: AnalyzeOptions,
  scoped: boolean,
): ScopedFindings {
  const rootNamespace = options.graphOptions?.rootNamespace ?? DEFAULT_ROOT;
  const graph =
    options.graph ??
    resolveGraph(
      withMeshConfigMap(resources, rootNamespace, options.meshConfig),
      options.graphOptions,
    );
  const resolved: ResolvedAnalyzeOptions = {
    meshConfig: meshConfigObject(resources, graph.rootNamespace, options.meshConfig),
    istioNamespace: options.istioNamespace ?? graph.rootNamespace,
  };
  const view = buildSnapshotView(resources, graph, resolved);
  const rules = options.rules ?? RULES;
  const settings = JSON.stringify(resolved);
  const plan = reusableFindings(options.reuse, graph, settings, rules);
  const byRule = runRules(view, rules, plan);
  rememberRawFindings(graph, settings, rules, byRule);
  const codes = scoped && plan.whole.size > 0 ? codesOfRules(rules, plan.whole) : null;
  const raw = [...byRule.values()].flat();
  const lookup = (key: ResourceKey): Resource | undefined => resourceByKey(view, key);
  const kept = applySuppressions(
    codes === null ? raw : raw.filter((f) => codes.has(f.code)),
    lookup,
    options.disabledCodes ?? [],
    options.suppressions ?? [],
  );
  const leveled = applyLevelOverrides(kept, options.levelOverrides ?? {});
  return { findings: sortAndDedupe(attachLines(leveled, lookup, options.locate)), codes };
}
