// npm run bench:impact — impact of a 10-object and a 1,000-object change on the synthetic meshes
// S/M/L (issue 4 target on L: ≤ 500 ms for 10 objects). Three figures per case:
//   full   — impactOfChange: both snapshots resolved, reachability, routing diff, findings;
//   cached — the server's path: base graph and reachability taken from the per-version cache;
//   heap   — heap in use after the run.
// BENCH_SIZES=S,M limits the sizes.
import { performance } from 'node:perf_hooks';
import { impactOfChange, resolveSide } from '../src/engine/index.js';
import { generateSyntheticMesh, type MeshSize } from '../src/engine/testing/synthetic-mesh.js';
import { mutateMesh } from '../src/engine/testing/synthetic-mutations.js';

const sizes = (process.env['BENCH_SIZES'] ?? 'S,M,L').split(',') as MeshSize[];

function timed<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

console.log(
  'size | objects | change | full (ms) | cached base (ms) | risk | hosts | lost edges | heap (MB)',
);
for (const size of sizes) {
  const mesh = generateSyntheticMesh({ size, seed: 42 });
  const base = { resources: mesh.resources, ref: { source: 'base' } };
  const [baseResolved] = timed(() => resolveSide(mesh.resources, {}));
  for (const count of [10, 1000]) {
    const changed = mutateMesh(mesh.resources, count, 7);
    const target = { resources: changed.resources, ref: { source: `${String(count)} changes` } };
    const [report, fullMs] = timed(() => impactOfChange(base, target));
    const [, cachedMs] = timed(() => impactOfChange(base, target, { baseResolved }));
    console.log(
      [
        size,
        mesh.resources.length,
        changed.changes.length,
        fullMs.toFixed(0),
        cachedMs.toFixed(0),
        report.summary.risk,
        report.summary.hostsChanged,
        report.reachability.lost.length,
        (process.memoryUsage().heapUsed / 1e6).toFixed(0),
      ].join(' | '),
    );
  }
}
