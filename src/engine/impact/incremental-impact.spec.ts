import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  listScenarios,
  loadFolder,
  readScenarioExpected,
  SCENARIOS_DIR,
} from '../../../test/support/engine-fixtures.js';
import type { Resource } from '../model/resource.js';
import { impactFindings, impactOfChange } from '../pipeline.js';
import { editRouting } from '../testing/routing-mutations.js';
import { generateSyntheticMesh } from '../testing/synthetic-mesh.js';
import { mutateMesh } from '../testing/synthetic-mutations.js';
import { resolveSide } from './compute-impact.js';

/**
 * The impact report is the same JSON whether the target's reachability is updated from the
 * base's (and the base's graph, reachability and findings come from a cache) or all is computed.
 */
function expectSameReport(before: readonly Resource[], after: readonly Resource[]): void {
  const base = { resources: before, ref: { source: 'before' } };
  const target = { resources: after, ref: { source: 'after' } };
  const full = JSON.stringify(impactOfChange(base, target, { incremental: false }));
  expect(JSON.stringify(impactOfChange(base, target))).toBe(full);
  const baseResolved = resolveSide(before, {});
  const baseFindings = impactFindings(before, baseResolved.graph);
  const cached = impactOfChange(base, target, { baseResolved, baseFindings });
  expect(JSON.stringify(cached)).toBe(full);
}

/** Scenarios with a report (not the ones whose expected outcome is an input error). */
const scenarios = listScenarios().filter(
  (name) => (readScenarioExpected(name) as { error?: unknown }).error === undefined,
);

describe('incremental impact equals the full computation', () => {
  it.each(scenarios)('shared scenario %s', (name) => {
    const dir = join(SCENARIOS_DIR, name);
    expectSameReport(loadFolder(join(dir, 'before')), loadFolder(join(dir, 'after')));
  });

  const mesh = generateSyntheticMesh({ size: 'S', seed: 3 });

  it.each([1, 10, 100])('synthetic mesh S, %i weight/subset/label edits', (count) => {
    expectSameReport(mesh.resources, mutateMesh(mesh.resources, count, count).resources);
  });

  it.each([
    [1, 0, 5],
    [7, 1, 9],
    [12, 6, 2],
    [30, 2, 4],
    [41, 7, 1],
  ])(
    'synthetic mesh S, routing edit %i/%i/%i (hosts, DR, added/removed)',
    (index, choice, other) => {
      expectSameReport(mesh.resources, editRouting(mesh.resources, [{ index, choice, other }]));
    },
  );
});
