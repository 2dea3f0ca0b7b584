import { describe, expect, it } from 'vitest';
import { resolveGraph } from '../graph/resolve-graph.js';
import { changedResourceIds } from '../impact/changed-resources.js';
import type { Resource } from '../model/resource.js';
import { RULES } from '../rules/registry.js';
import type { Rule } from '../rules/rule.js';
import { editRouting } from '../testing/routing-mutations.js';
import { generateSyntheticMesh } from '../testing/synthetic-mesh.js';
import { mutateMesh } from '../testing/synthetic-mutations.js';
import { analyze, analyzeChanged } from './analyze.js';

/** Every registered rule, each counting its runs. */
function countingRules(): { rules: Rule[]; runs: Map<string, number> } {
  const runs = new Map<string, number>();
  const rules = RULES.map((rule) => ({
    ...rule,
    check: (ctx: Parameters<Rule['check']>[0]) => {
      runs.set(rule.id, (runs.get(rule.id) ?? 0) + 1);
      rule.check(ctx);
    },
  }));
  return { rules, runs };
}

const mesh = generateSyntheticMesh({ size: 'S', seed: 5 });

function analyzeBothWays(target: readonly Resource[], rules: readonly Rule[]): [string, string] {
  const baseGraph = resolveGraph(mesh.resources);
  analyze(mesh.resources, { graph: baseGraph, rules });
  const graph = resolveGraph(target);
  const reuse = { graph: baseGraph, changed: changedResourceIds(mesh.resources, target) };
  return [
    JSON.stringify(analyze(target, { graph, rules, reuse })),
    JSON.stringify(analyze(target, { graph, rules })),
  ];
}

describe('findings reuse across snapshots (STYLE §5 declared inputs)', () => {
  it('re-runs only rules reading VirtualServices or DestinationRules after a routing edit', () => {
    const { rules, runs } = countingRules();
    const target = mutateMesh(mesh.resources, 10, 2).resources;
    const [reused, full] = analyzeBothWays(target, rules);
    expect(reused).toBe(full);
    const routing = (r: Rule): boolean =>
      r.inputs.includes('VirtualService') || r.inputs.includes('DestinationRule');
    // Base run, reusing run, full run: 3 for routing rules, 2 for the rest.
    for (const rule of RULES) {
      expect(runs.get(rule.id)).toBe(routing(rule) ? 3 : 2);
    }
  });

  it.each([
    [0, 0, 1],
    [3, 5, 2],
    [8, 6, 7],
    [21, 2, 3],
  ])('gives the full analysis after routing edit %i/%i/%i', (index, choice, other) => {
    const [reused, full] = analyzeBothWays(
      editRouting(mesh.resources, [{ index, choice, other }]),
      RULES,
    );
    expect(reused).toBe(full);
  });

  it('reuses nothing when another kind changed', () => {
    const { rules, runs } = countingRules();
    const target = mesh.resources.filter((r) => r.key.kind !== 'PeerAuthentication');
    const [reused, full] = analyzeBothWays(target, rules);
    expect(reused).toBe(full);
    expect([...runs.values()].every((n) => n === 3)).toBe(true);
  });

  it('analyzeChanged keeps only the codes of the rules that ran again, as the full run has them', () => {
    const target = mutateMesh(mesh.resources, 10, 2).resources;
    const baseGraph = resolveGraph(mesh.resources);
    analyze(mesh.resources, { graph: baseGraph });
    const graph = resolveGraph(target);
    const reuse = { graph: baseGraph, changed: changedResourceIds(mesh.resources, target) };
    const { findings, codes } = analyzeChanged(target, { graph, reuse });
    const full = analyze(target, { graph });
    expect(codes).not.toBeNull();
    expect(codes?.size).toBeGreaterThan(0);
    // The synthetic mesh's thousands of authorization-coverage findings are left out.
    expect(full.some((f) => !(codes?.has(f.code) ?? true))).toBe(true);
    expect(JSON.stringify(findings)).toBe(
      JSON.stringify(full.filter((f) => codes?.has(f.code) ?? true)),
    );
    expect(analyzeChanged(target, { graph }).codes).toBeNull();
  });
});
