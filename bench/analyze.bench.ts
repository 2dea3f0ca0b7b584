// npm run bench:analyze — graph resolution + every validation rule on the synthetic meshes
// S/M/L (issue 5 target: L ≤ 2 s together). Each size runs BENCH_RUNS times (default 3) in one
// process, in S, M, L order:
//   first  — the first run of the size: wall-clock time, with whatever JIT warm-up it still pays
//            (on L after S and M, close to what the server sees; BENCH_SIZES=L alone shows the cold
//            CLI case);
//   best   — the fastest run of the size, wall-clock;
//   cpu    — the process's CPU time over the first run: it also counts V8's helper threads
//            (background compilation, concurrent and parallel GC), so it can exceed wall time.
// BENCH_SIZES=S,M limits the sizes.
import { analyze, resolveGraph } from '../src/engine/index.js';
import { generateSyntheticMesh, type MeshSize } from '../src/engine/testing/synthetic-mesh.js';

const sizes = (process.env['BENCH_SIZES'] ?? 'S,M,L').split(',') as MeshSize[];
const runs = Math.max(1, Number(process.env['BENCH_RUNS'] ?? 3));

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

interface Run {
  readonly graph: number;
  readonly rules: number;
  readonly cpu: number;
  readonly findings: number;
}

function once(resources: Parameters<typeof resolveGraph>[0]): Run {
  const cpu = cpuMs();
  const start = performance.now();
  const graph = resolveGraph(resources);
  const resolved = performance.now();
  const findings = analyze(resources, { graph });
  const done = performance.now();
  return {
    graph: resolved - start,
    rules: done - resolved,
    cpu: cpuMs() - cpu,
    findings: findings.length,
  };
}

const total = (run: Run): number => run.graph + run.rules;

console.log(
  'size | objects | first: graph (ms) | first: rules (ms) | first: total (ms) | best total (ms) | first: CPU (ms) | findings | heap (MB)',
);
for (const size of sizes) {
  const mesh = generateSyntheticMesh({ size, seed: 42 });
  const all: Run[] = [];
  for (let run = 0; run < runs; run++) {
    all.push(once(mesh.resources));
  }
  const [first] = all;
  if (first === undefined) {
    throw new Error('no run');
  }
  const best = all.reduce((a, b) => (total(b) < total(a) ? b : a));
  const heap = process.memoryUsage().heapUsed / 1e6;
  console.log(
    [
      size,
      mesh.resources.length,
      first.graph.toFixed(0),
      first.rules.toFixed(0),
      total(first).toFixed(0),
      total(best).toFixed(0),
      first.cpu.toFixed(0),
      first.findings,
      heap.toFixed(0),
    ].join(' | '),
  );
}
