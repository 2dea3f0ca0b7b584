import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveGraph } from '../graph/resolve-graph.js';
import { changedResourceIds } from '../impact/changed-resources.js';
import { type Resource, resourceId } from '../model/resource.js';
import { editRouting } from '../testing/routing-mutations.js';
import { generateSyntheticMesh } from '../testing/synthetic-mesh.js';
import { mutateMesh } from '../testing/synthetic-mutations.js';
import { computeReachability } from './compute-reachability.js';
import type { Reachability } from './reachability-types.js';
import { updateReachability } from './update-reachability.js';

/** Everything a reachability result says, in one comparable text. */
function canonical(reach: Reachability): string {
  return JSON.stringify({
    sources: reach.sources.map((s) => [s.id, s.kind, s.namespace, s.edges.key, s.edges.edges]),
    reachable: reach.reachable,
    unreachable: reach.unreachable,
    exposures: reach.exposures,
    notes: reach.notes,
    groups: reach.groupCount,
  });
}

const mesh = generateSyntheticMesh({ size: 'S', seed: 11 });
const baseGraph = resolveGraph(mesh.resources);
const base = { graph: baseGraph, reach: computeReachability(baseGraph) };
const baseIds = new Set(mesh.resources.map((r) => resourceId(r.key)));

/** Incremental and full reachability of a target (resolved as the impact resolves it, R12). */
function bothWays(target: readonly Resource[]): { full: string; updated: string | null } {
  const graph = resolveGraph(target, {
    creationOrder: (key) => (baseIds.has(resourceId(key)) ? 0 : 1),
  });
  const updated = updateReachability(base, graph, changedResourceIds(mesh.resources, target));
  return {
    full: canonical(computeReachability(graph)),
    updated: updated === null ? null : canonical(updated),
  };
}

describe('incremental reachability (updateReachability) equals the full computation', () => {
  it.each([1, 10, 60])('SEMANTICS §0 edges after %i weight/subset/label edits', (count) => {
    const changed = mutateMesh(mesh.resources, count, count + 3);
    const { full, updated } = bothWays(changed.resources);
    expect(updated).not.toBeNull();
    expect(updated).toBe(full);
  });

  it('R1/R5/R7/R3 edits of hosts, destinations, exportTo, faults, TLS and added/removed objects', () => {
    const edit = fc.record({ index: fc.nat(), choice: fc.nat(), other: fc.nat() });
    let incremental = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const { full, updated } = bothWays(editRouting(mesh.resources, edits));
        incremental += updated === null ? 0 : 1;
        expect(updated ?? full).toBe(full);
      }),
      { numRuns: 30, seed: 4 },
    );
    // Only a change of source labels (a new routing group) makes the update give up.
    expect(incremental).toBeGreaterThan(15);
  }, 120_000);

  it('gives up (null) when a change touches more than routing objects', () => {
    const target = mesh.resources.filter((r) => r.key.kind !== 'AuthorizationPolicy');
    const graph = resolveGraph(target);
    expect(updateReachability(base, graph, changedResourceIds(mesh.resources, target))).toBeNull();
  });

  it('leaves a reachability it did not compute alone (no memo: null)', () => {
    const copy = { ...base.reach };
    const changed = mutateMesh(mesh.resources, 1, 1).resources;
    const graph = resolveGraph(changed);
    const ids = changedResourceIds(mesh.resources, changed);
    expect(updateReachability({ graph: baseGraph, reach: copy }, graph, ids)).toBeNull();
  });
});
