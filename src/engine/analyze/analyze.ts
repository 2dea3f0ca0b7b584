import { resolveGraph } from '../graph/resolve-graph.js';
import type { Resource, ResourceKey } from '../model/resource.js';
import type { Finding } from '../rules/finding.js';
import { RULES } from '../rules/registry.js';
import { createRuleContext } from '../rules/rule-context.js';
import type { ResolvedAnalyzeOptions } from '../rules/rule-options.js';
import { buildSnapshotView, resourceByKey } from '../rules/snapshot-view.js';
import type { AnalyzeOptions } from './analyze-options.js';
import { applyLevelOverrides, attachLines, sortAndDedupe } from './finalize-findings.js';
import { meshConfigObject, withMeshConfigMap } from './mesh-config-object.js';
import { rememberRawFindings, reusableFindings } from './rule-reuse.js';
import { applySuppressions } from './suppressions.js';

const DEFAULT_ROOT = 'istio-system';

/**
 * Runs every registered rule over one snapshot (STYLE §5): indexes and the graph are built once,
 * then suppression (object annotations, disabled codes, explicit suppressions) and level overrides
 * are applied centrally. The result is sorted by (resource, code, path): the same input gives the
 * same output.
 */
export function analyze(resources: readonly Resource[], options: AnalyzeOptions = {}): Finding[] {
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
  const reused = reusableFindings(options.reuse, settings, rules);
  const byRule = new Map<string, readonly Finding[]>();
  const raw: Finding[] = [];
  for (const rule of rules) {
    let found = reused.get(rule.id);
    if (found === undefined) {
      const out: Finding[] = [];
      rule.check(createRuleContext(view, rule, (finding) => out.push(finding)));
      found = out;
    }
    byRule.set(rule.id, found);
    found.forEach((finding) => raw.push(finding));
  }
  rememberRawFindings(graph, settings, rules, byRule);
  const lookup = (key: ResourceKey): Resource | undefined => resourceByKey(view, key);
  const kept = applySuppressions(
    raw,
    lookup,
    options.disabledCodes ?? [],
    options.suppressions ?? [],
  );
  const leveled = applyLevelOverrides(kept, options.levelOverrides ?? {});
  return sortAndDedupe(attachLines(leveled, lookup, options.locate));
}
