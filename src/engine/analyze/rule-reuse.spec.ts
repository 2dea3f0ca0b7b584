import { describe, expect, it } from 'vitest';
import { resolveGraph } from '../graph/resolve-graph.js';
import { changedResourceIds } from '../impact/changed-resources.js';
import { type Resource, resourceId } from '../model/resource.js';
import { RULES } from '../rules/registry.js';
import type { Rule, RuleContext } from '../rules/rule.js';
import { loadFixture } from '../rules/testing/load-fixture.js';
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

/** Every registered rule; subject rules record how many subjects each of their runs saw. */
function subjectCountingRules(): { rules: Rule[]; seen: Map<string, number[]> } {
  const seen = new Map<string, number[]>();
  const rules = RULES.map((rule) => {
    const { subject } = rule;
    if (subject === undefined) {
      return rule;
    }
    const check = (ctx: RuleContext): void => {
      seen.set(rule.id, [...(seen.get(rule.id) ?? []), ctx.ofKind(subject).length]);
      rule.check(ctx);
    };
    return { ...rule, check };
  });
  return { rules, seen };
}

const mesh = generateSyntheticMesh({ size: 'S', seed: 5 });

function analyzeBothWays(
  target: readonly Resource[],
  rules: readonly Rule[],
  base: readonly Resource[] = mesh.resources,
): [string, string] {
  const baseGraph = resolveGraph(base);
  analyze(base, { graph: baseGraph, rules });
  const graph = resolveGraph(target);
  const reuse = { graph: baseGraph, changed: changedResourceIds(base, target) };
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

  it.each([
    [
      [0, 6, 1],
      [1, 7, 4],
      [2, 0, 9],
    ],
    [
      [4, 1, 3],
      [5, 2, 8],
      [6, 3, 0],
    ],
    [
      [9, 4, 2],
      [10, 5, 5],
      [11, 0, 6],
      [12, 1, 7],
    ],
    [
      [13, 3, 1],
      [14, 2, 2],
      [15, 6, 3],
    ],
    [
      [16, 7, 11],
      [17, 4, 12],
      [18, 5, 13],
    ],
  ])('subject rules give the full analysis after routing edits %j %j %j', (...edits) => {
    const target = editRouting(
      mesh.resources,
      edits.map(([index = 0, choice = 0, other = 0]) => ({ index, choice, other })),
    );
    const [reused, full] = analyzeBothWays(target, RULES);
    expect(reused).toBe(full);
  });

  it('subject rules see only the changed subjects on a reusing run', () => {
    const { rules, seen } = subjectCountingRules();
    const target = mutateMesh(mesh.resources, 10, 2).resources;
    const changed = changedResourceIds(mesh.resources, target);
    const [reused, full] = analyzeBothWays(target, rules);
    expect(reused).toBe(full);
    const subjectRules = RULES.filter((r) => r.subject !== undefined);
    expect(subjectRules.length).toBeGreaterThan(0);
    for (const rule of subjectRules) {
      const all = target.filter((r) => r.key.kind === rule.subject);
      const changedHere = all.filter((r) => changed.has(resourceId(r.key))).length;
      // Base run and full run see every subject; the reusing run only the changed ones.
      expect(seen.get(rule.id), rule.id).toEqual([
        mesh.resources.filter((r) => r.key.kind === rule.subject).length,
        changedHere,
        all.length,
      ]);
      expect(changedHere).toBeLessThan(all.length);
    }
  });

  it('a reusing run can be reused in turn (its remembered findings are complete)', () => {
    const first = editRouting(mesh.resources, [
      { index: 3, choice: 1, other: 2 },
      { index: 8, choice: 0, other: 5 },
    ]);
    const second = editRouting(first, [
      { index: 3, choice: 2, other: 7 },
      { index: 20, choice: 1, other: 1 },
    ]);
    const baseGraph = resolveGraph(mesh.resources);
    analyze(mesh.resources, { graph: baseGraph });
    const firstGraph = resolveGraph(first);
    const firstChanged = changedResourceIds(mesh.resources, first);
    analyze(first, { graph: firstGraph, reuse: { graph: baseGraph, changed: firstChanged } });
    const graph = resolveGraph(second);
    const reuse = { graph: firstGraph, changed: changedResourceIds(first, second) };
    expect(JSON.stringify(analyze(second, { graph, reuse }))).toBe(
      JSON.stringify(analyze(second, { graph })),
    );
  });

  it('reuses nothing when a routing change adds a namespace (graph.namespaces holds every object namespace)', () => {
    const base = loadFixture(`
apiVersion: v1
kind: Namespace
metadata: { name: default }
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: { name: from-newcomer, namespace: default }
spec:
  rules:
    - from:
        - source: { namespaces: [newcomer] }
`).resources;
    const added = loadFixture(`
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: web, namespace: newcomer }
spec:
  hosts: [web]
  http:
    - route:
        - destination: { host: web }
`).resources;
    const target = [...base, ...added];
    const [reused, full] = analyzeBothWays(target, RULES, base);
    expect(reused).toBe(full);
    const [baseAgain] = analyzeBothWays(base, RULES, base);
    // The base run reports the unknown namespace; the target's must not keep that finding.
    expect(baseAgain).toContain('authorization-policy/namespace-exists');
    expect(full).not.toContain('authorization-policy/namespace-exists');
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
