import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveGraph } from '../graph/resolve-graph.js';
import { resourceId } from '../model/resource.js';
import {
  listScenarios,
  loadFolder,
  readScenarioExpected,
  SCENARIOS_DIR,
} from '../../../test/support/engine-fixtures.js';
import { computeReachability } from './compute-reachability.js';
import { listEdges } from './edges.js';

interface Expected {
  readonly error?: unknown;
  readonly unreachableWorkloads?: readonly string[];
  readonly newlyReachableWorkloads?: readonly string[];
  readonly lostEdges?: readonly (readonly [string, string])[];
  readonly gainedEdges?: readonly (readonly [string, string])[];
  readonly mustKeepEdges?: readonly (readonly [string, string])[];
  readonly lostExposures?: readonly (readonly [string, string, number])[];
  readonly gainedExposures?: readonly (readonly [string, string, number])[];
}

const minus = <T>(a: ReadonlySet<T>, b: ReadonlySet<T>): T[] =>
  [...a].filter((x) => !b.has(x)).sort();

/** Reachability of both sides of a scenario; objects of the base version are older (R12). */
function compare(name: string) {
  const before = loadFolder(join(SCENARIOS_DIR, name, 'before'));
  const after = loadFolder(join(SCENARIOS_DIR, name, 'after'));
  const inBase = new Set(before.map((r) => resourceId(r.key)));
  const rank = {
    creationOrder: (key: Parameters<typeof resourceId>[0]) => (inBase.has(resourceId(key)) ? 0 : 1),
  };
  const [b, a] = [before, after].map((resources) =>
    computeReachability(resolveGraph(resources, rank)),
  );
  if (b === undefined || a === undefined) {
    throw new Error('unreachable');
  }
  const edges = (r: typeof b) => new Set(listEdges(r).map((e) => `${e.from} -> ${e.to}`));
  const exposures = (r: typeof b) =>
    new Set(r.exposures.map((e) => JSON.stringify([e.gateway, e.host, e.port])));
  const [eb, ea, xb, xa] = [edges(b), edges(a), exposures(b), exposures(a)];
  return {
    unreachable: minus(new Set(b.reachable), new Set(a.reachable)),
    newlyReachable: minus(new Set(a.reachable), new Set(b.reachable)),
    lost: new Set(minus(eb, ea)),
    gained: new Set(minus(ea, eb)),
    lostExposures: minus(xb, xa),
    gainedExposures: minus(xa, xb),
  };
}

const scenarios = listScenarios().filter(
  (name) => (readScenarioExpected(name) as Expected).error === undefined,
);

// Acceptance scenarios (/work/shared/scenarios): the reachability differences expected.json names.
describe('reachability on the acceptance scenarios (before vs after)', () => {
  it('covers scenarios 01 to 10', () => {
    expect(scenarios).toHaveLength(10);
  });

  it.each(scenarios)('%s', (name) => {
    const expected = readScenarioExpected(name) as Expected;
    const diff = compare(name);
    const pair = ([from, to]: readonly [string, string]) => `${from} -> ${to}`;
    if (expected.unreachableWorkloads !== undefined) {
      expect(diff.unreachable).toEqual([...expected.unreachableWorkloads].sort());
    }
    if (expected.newlyReachableWorkloads !== undefined) {
      expect(diff.newlyReachable).toEqual([...expected.newlyReachableWorkloads].sort());
    }
    for (const edge of expected.lostEdges ?? []) {
      expect(diff.lost.has(pair(edge)), `lost ${pair(edge)}`).toBe(true);
    }
    for (const edge of expected.gainedEdges ?? []) {
      expect(diff.gained.has(pair(edge)), `gained ${pair(edge)}`).toBe(true);
    }
    for (const edge of expected.mustKeepEdges ?? []) {
      expect(diff.lost.has(pair(edge)), `kept ${pair(edge)}`).toBe(false);
    }
    if (expected.lostExposures !== undefined) {
      expect(diff.lostExposures).toEqual(
        expected.lostExposures.map((e) => JSON.stringify(e)).sort(),
      );
    }
    if (expected.gainedExposures !== undefined) {
      expect(diff.gainedExposures).toEqual(
        expected.gainedExposures.map((e) => JSON.stringify(e)).sort(),
      );
    }
  });
});
