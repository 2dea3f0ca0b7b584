import type { ReportFinding } from './impact-report.js';

function findingKey(f: ReportFinding): string {
  return [f.code, f.resource.kind, f.resource.namespace, f.resource.name, f.path, f.message].join(
    '\u0000',
  );
}

export function compareFindings(a: ReportFinding, b: ReportFinding): number {
  const ka = findingKey(a);
  const kb = findingKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Findings the target has and the base lacks (introduced), and the reverse (resolved). */
export function diffFindings(
  before: readonly ReportFinding[],
  after: readonly ReportFinding[],
): { introduced: ReportFinding[]; resolved: ReportFinding[] } {
  const was = new Set(before.map(findingKey));
  const now = new Set(after.map(findingKey));
  return {
    introduced: after.filter((f) => !was.has(findingKey(f))).sort(compareFindings),
    resolved: before.filter((f) => !now.has(findingKey(f))).sort(compareFindings),
  };
}
