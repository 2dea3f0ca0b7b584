// npm run bench:impact — impact of a 10-object and a 1,000-object change on the synthetic meshes
// S/M/L (issue 4 target on L: ≤ 500 ms for 10 objects). Figures per case:
//   full        — impactOfChange with `incremental: false`: both snapshots resolved, both
//                 reachabilities and both findings computed in full (the pre-incremental path);
//   incremental — impactOfChange: the base in full, the target's graph and reachability derived
//                 from the base's (VirtualService/DestinationRule changes);
//   cached      — the server's path: base graph and reachability from the per-version cache;
//   cached+f    — as cached, with the base version's findings cached too (`baseFindings`);
//   same        — the three other reports are byte-identical to the full one;
//   heap        — heap in use after the run.
// BENCH_SIZES=S,M limits the sizes, BENCH_COUNTS=10 the change sizes.
import { performance } from 'node:perf_hooks';
import type { ImpactReport } from '../src/engine/impact/impact-report.js';
import { impactOfChange, resolveSide } from '../src/engine/index.js';
import { impactFindings } from '../src/engine/pipeline.js';
import { generateSyntheticMesh, type MeshSize } from '../src/engine/testing/synthetic-mesh.js';
import { mutateMesh } from '../src/engine/testing/synthetic-mutations.js';

const sizes = (process.env['BENCH_SIZES'] ?? 'S,M,L').split(',') as MeshSize[];
const counts = (process.env['BENCH_COUNTS'] ?? '10,1000').split(',').map(Number);

function timed<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

/**
 * A report's JSON as digests of its parts (top-level fields; long lists in slices): a
 * 1,000-object change on L loses millions of edges, more than one string can hold.
 */
function digest(report: ImpactReport): string {
  const parts: string[] = [];
  const add = (value: unknown): void => {
    const text = JSON.stringify(value);
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i += 1) {
      hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    }
    parts.push(`${String(text.length)}:${hash.toString(16)}`);
  };
  for (const [key, value] of Object.entries(report)) {
    parts.push(key);
    const lists = key === 'reachability' ? Object.values(value as object) : [value];
    for (const list of lists) {
      const items: unknown[] = Array.isArray(list) ? list : [list];
      for (let i = 0; i < items.length; i += 100_000) {
        add(items.slice(i, i + 100_000));
      }
    }
  }
  return parts.join(',');
}

/** The full report's digest and the figures printed, without keeping the report itself. */
function fullRun(run: () => ImpactReport): {
  json: string;
  summary: ImpactReport['summary'];
  lost: number;
  ms: number;
} {
  const [report, ms] = timed(run);
  return {
    json: digest(report),
    summary: report.summary,
    lost: report.reachability.lost.length,
    ms,
  };
}

console.log(
  'size | objects | change | full (ms) | incremental (ms) | cached base (ms) | cached base+findings (ms) | same | risk | hosts | lost edges | heap (MB)',
);
for (const size of sizes) {
  const mesh = generateSyntheticMesh({ size, seed: 42 });
  const base = { resources: mesh.resources, ref: { source: 'base' } };
  const [baseResolved] = timed(() => resolveSide(mesh.resources, {}));
  const [baseFindings] = timed(() => impactFindings(mesh.resources, baseResolved.graph));
  for (const count of counts) {
    const changed = mutateMesh(mesh.resources, count, 7);
    const target = { resources: changed.resources, ref: { source: `${String(count)} changes` } };
    // Only the full report's JSON and summary are kept, so that a run does not pay for the
    // garbage of the previous ones (a 1,000-object change on M loses ~850k edges).
    const { json, summary, lost, ms } = fullRun(() =>
      impactOfChange(base, target, { incremental: false }),
    );
    let same = true;
    const figures = [ms];
    for (const options of [{}, { baseResolved }, { baseResolved, baseFindings }]) {
      const [report, ms] = timed(() => impactOfChange(base, target, options));
      same &&= digest(report) === json;
      figures.push(ms);
    }
    console.log(
      [
        size,
        mesh.resources.length,
        changed.changes.length,
        ...figures.map((ms) => ms.toFixed(0)),
        same ? 'yes' : 'NO',
        summary.risk,
        summary.hostsChanged,
        lost,
        (process.memoryUsage().heapUsed / 1e6).toFixed(0),
      ].join(' | '),
    );
  }
}
