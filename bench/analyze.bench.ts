// npm run bench:analyze — graph resolution + every validation rule on the synthetic meshes
// S/M/L (issue 5 target: L ≤ 2 s together). CPU time of this process, best of two runs, so a
// first-run JIT warm-up does not count. BENCH_SIZES=S,M limits the sizes.
import { analyze, resolveGraph } from '../src/engine/index.js';
import { generateSyntheticMesh, type MeshSize } from '../src/engine/testing/synthetic-mesh.js';

const sizes = (process.env['BENCH_SIZES'] ?? 'S,M,L').split(',') as MeshSize[];

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

console.log('size | objects | graph (ms) | rules (ms) | total (ms) | findings | heap (MB)');
for (const size of sizes) {
  const mesh = generateSyntheticMesh({ size, seed: 42 });
  let best = { graph: Infinity, rules: Infinity, findings: 0 };
  for (let run = 0; run < 2; run++) {
    const start = cpuMs();
    const graph = resolveGraph(mesh.resources);
    const resolved = cpuMs();
    const findings = analyze(mesh.resources, { graph });
    const done = cpuMs();
    if (done - start < best.graph + best.rules) {
      best = { graph: resolved - start, rules: done - resolved, findings: findings.length };
    }
  }
  const heap = process.memoryUsage().heapUsed / 1e6;
  console.log(
    [
      size,
      mesh.resources.length,
      best.graph.toFixed(0),
      best.rules.toFixed(0),
      (best.graph + best.rules).toFixed(0),
      best.findings,
      heap.toFixed(0),
    ].join(' | '),
  );
}
