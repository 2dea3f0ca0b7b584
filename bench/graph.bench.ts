import { performance } from 'node:perf_hooks';
import { resolveGraph } from '../src/engine/graph/resolve-graph.js';
import { computeReachability } from '../src/engine/reachability/compute-reachability.js';
import {
  generateSyntheticMesh,
  type MeshSize,
  syntheticMeshYaml,
} from '../src/engine/testing/synthetic-mesh.js';

/**
 * `bench:graph` — resolve + reachability time and heap on the S/M/L synthetic meshes (seed 42).
 * Usage: `node --expose-gc dist/bench/graph.bench.js [S,M,L]` (or `npx tsx bench/graph.bench.ts`).
 * Prints wall and CPU time (CPU is steadier on a busy machine). Target: resolve L ≤ 2 s.
 */
function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

interface Timed<T> {
  readonly value: T;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly heapMb: number;
}

function measure<T>(run: () => T): Timed<T> {
  const heapBefore = heapMb();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = run();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000, heapMb: heapMb() - heapBefore };
}

const show = (t: Timed<unknown>): string =>
  `${t.wallMs.toFixed(0)} ms wall / ${t.cpuMs.toFixed(0)} ms cpu, +${t.heapMb.toFixed(0)} MB heap`;

const sizes = (process.argv[2]?.split(',') ?? ['S', 'M', 'L']) as MeshSize[];
for (const size of sizes) {
  const mesh = generateSyntheticMesh({ size, seed: 42 });
  const yamlMb = syntheticMeshYaml(mesh.resources).length / 1024 / 1024;
  const resolved = measure(() => resolveGraph(mesh.resources));
  const reach = measure(() => computeReachability(resolved.value));
  const warm = measure(() => resolveGraph(mesh.resources));
  const r = reach.value;
  const lists = new Set(r.sources.map((s) => s.edges)).size;
  const edges = r.sources.reduce((sum, s) => sum + s.edges.edges.length, 0);
  console.log(
    [
      `${size}: ${String(mesh.resources.length)} objects, ${String(resolved.value.workloads.length)} workloads, ${yamlMb.toFixed(1)} MB YAML`,
      `  resolve       ${show(resolved)} (warm: ${warm.wallMs.toFixed(0)} ms)`,
      `  reachability  ${show(reach)}`,
      `  ${String(r.sources.length)} sources in ${String(r.groupCount)} groups, ${String(lists)} distinct edge lists, ${String(edges)} edges, ${String(r.unreachable.length)} unreachable, ${String(r.exposures.length)} exposures`,
    ].join('\n'),
  );
}
