import type { Exposure } from './impact-report.js';

function exposureKey(e: Exposure): string {
  return `${e.gateway}\u0000${e.host}\u0000${String(e.port).padStart(5, '0')}\u0000${e.protocol}`;
}

/** SEMANTICS §0 "Exposures": (gateway, host, port) triples lost and gained. */
export function diffExposures(
  before: readonly Exposure[],
  after: readonly Exposure[],
): { lost: Exposure[]; gained: Exposure[] } {
  const was = new Set(before.map(exposureKey));
  const now = new Set(after.map(exposureKey));
  const sort = (list: Exposure[]): Exposure[] =>
    list.sort((a, b) => (exposureKey(a) < exposureKey(b) ? -1 : 1));
  return {
    lost: sort(before.filter((e) => !now.has(exposureKey(e)))),
    gained: sort(after.filter((e) => !was.has(exposureKey(e)))),
  };
}
