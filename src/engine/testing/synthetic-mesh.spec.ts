import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveGraph } from '../graph/resolve-graph.js';
import { loadResources } from './load-resources.js';
import { generateSyntheticMesh, syntheticMeshFiles, syntheticMeshYaml } from './synthetic-mesh.js';
import { mutateMesh } from './synthetic-mutations.js';

describe('synthetic mesh generator', () => {
  const mesh = generateSyntheticMesh({ size: 'S', seed: 7 });

  it('is deterministic per seed and differs across seeds', () => {
    expect(syntheticMeshYaml(generateSyntheticMesh({ size: 'S', seed: 7 }).resources)).toBe(
      syntheticMeshYaml(mesh.resources),
    );
    expect(syntheticMeshYaml(generateSyntheticMesh({ size: 'S', seed: 8 }).resources)).not.toBe(
      syntheticMeshYaml(mesh.resources),
    );
  });

  it('uses a seeded PRNG, never Math.random', () => {
    for (const file of [
      'synthetic-mesh.ts',
      'synthetic-objects.ts',
      'synthetic-policies.ts',
      'synthetic-mutations.ts',
      'prng.ts',
    ]) {
      expect(readFileSync(new URL(file, import.meta.url), 'utf8')).not.toMatch(/Math\.random\(/);
    }
  });

  it('has the S size and every kind the benchmarks rely on', () => {
    expect(mesh.resources.length).toBeGreaterThan(900);
    expect(mesh.resources.length).toBeLessThan(1100);
    const kinds = new Set(mesh.resources.map((r) => r.key.kind));
    for (const kind of [
      'Namespace',
      'Service',
      'ServiceAccount',
      'Deployment',
      'DestinationRule',
      'VirtualService',
      'Gateway',
      'Sidecar',
      'PeerAuthentication',
      'AuthorizationPolicy',
    ]) {
      expect(kinds.has(kind), kind).toBe(true);
    }
  });

  it('round-trips through YAML text and per-namespace files', () => {
    expect(loadResources(syntheticMeshYaml(mesh.resources)).length).toBe(mesh.resources.length);
    const files = syntheticMeshFiles(mesh.resources);
    expect(files.map((f) => f.name)).toEqual([...files.map((f) => f.name)].sort());
    expect(files.flatMap((f) => loadResources(f.text)).length).toBe(mesh.resources.length);
  });

  it('resolves: workloads, gateways bound to the ingress proxy', () => {
    const graph = resolveGraph(mesh.resources);
    expect(graph.workloads.length).toBe(mesh.workloads);
    expect(
      graph.gateways.every((g) => g.proxies.includes('istio-system/istio-ingressgateway')),
    ).toBe(true);
  });

  it('mutateMesh changes N objects deterministically and leaves its input untouched', () => {
    const before = syntheticMeshYaml(mesh.resources);
    const first = mutateMesh(mesh.resources, 5, 99);
    expect(first.changes).toHaveLength(5);
    expect(syntheticMeshYaml(mesh.resources)).toBe(before);
    expect(syntheticMeshYaml(mutateMesh(mesh.resources, 5, 99).resources)).toBe(
      syntheticMeshYaml(first.resources),
    );
    const changed = first.resources.filter((r, i) => r !== mesh.resources[i]);
    const ids = (keys: { namespace: string; name: string; kind: string }[]) =>
      keys.map((k) => `${k.kind}/${k.namespace}/${k.name}`).sort();
    expect(ids(changed.map((r) => r.key))).toEqual(ids(first.changes.map((c) => c.key)));
    expect(first.changes.every((c) => /VirtualService|DestinationRule/.test(c.description))).toBe(
      true,
    );
  });
});
