import { describe, expect, it } from 'vitest';
import type { GraphOptions } from '../graph/options.js';
import { resolveGraph } from '../graph/resolve-graph.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import { type Resource, resourceId } from '../model/resource.js';
import { editRouting } from '../testing/routing-mutations.js';
import { generateSyntheticMesh } from '../testing/synthetic-mesh.js';
import { changedResourceIds } from './changed-resources.js';
import { updateGraph } from './update-graph.js';

const mesh = generateSyntheticMesh({ size: 'S', seed: 8 });
const base = resolveGraph(mesh.resources);
const baseIds = new Set(mesh.resources.map((r) => resourceId(r.key)));
const options: GraphOptions = {
  creationOrder: (key) => (baseIds.has(resourceId(key)) ? 0 : 1),
};

/** The graph as JSON (Maps and functions aside): what routing and the rules read. */
function canonical(graph: MeshGraph): string {
  return JSON.stringify({
    virtualServices: graph.virtualServices.all,
    destinationRules: graph.destinationRules.rules,
    workloads: graph.workloads,
    services: graph.services.all,
    gateways: graph.gateways,
    sidecars: graph.sidecars.sidecars,
    notes: graph.notes,
    options: { ...graph.options, creationOrder: undefined },
  });
}

function update(target: readonly Resource[]): MeshGraph | null {
  return updateGraph(base, target, options, changedResourceIds(mesh.resources, target));
}

describe('updateGraph: the target graph of a routing change from the base graph', () => {
  it.each([
    [0, 0, 1],
    [5, 6, 2],
    [9, 1, 3],
    [14, 3, 4],
    [22, 4, 6],
  ])('R2/R6/R7/R12 indexes equal a full resolution after edit %i/%i/%i', (i, choice, other) => {
    const target = editRouting(mesh.resources, [{ index: i, choice, other }]);
    const updated = update(target);
    expect(updated).not.toBeNull();
    expect(canonical(updated ?? base)).toBe(canonical(resolveGraph(target, options)));
  });

  it('resolves in full (null) when a DestinationRule merge changes its R12 notes', () => {
    const target = editRouting(mesh.resources, [{ index: 22, choice: 5, other: 6 }]);
    expect(resolveGraph(target, options).notes).not.toEqual(base.notes);
    expect(update(target)).toBeNull();
  });

  it('resolves in full (null) when other kinds change or the options differ', () => {
    const target = mesh.resources.filter((r) => r.key.kind !== 'Sidecar');
    expect(update(target)).toBeNull();
    const routing = editRouting(mesh.resources, [{ index: 1, choice: 0, other: 1 }]);
    const changed = changedResourceIds(mesh.resources, routing);
    expect(updateGraph(base, routing, { clusterDomain: 'example.org' }, changed)).toBeNull();
  });

  it('resolves in full (null) when a routing object opens or empties a namespace', () => {
    const vs = mesh.resources.find((r) => r.key.kind === 'VirtualService');
    if (vs === undefined) {
      throw new Error('the synthetic mesh has a VirtualService');
    }
    const moved: Resource = { ...vs, key: { ...vs.key, namespace: 'newcomer' } };
    const added = [...mesh.resources, moved];
    expect(resolveGraph(added, options).namespaces.has('newcomer')).toBe(true);
    expect(update(added)).toBeNull();
    const lonely = resolveGraph(added, options);
    const emptied = mesh.resources;
    const changed = changedResourceIds(added, emptied);
    expect(updateGraph(lonely, emptied, {}, changed)).toBeNull();
  });
});
