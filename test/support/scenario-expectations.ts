import { expect } from 'vitest';

/** expected.json of a shared scenario (contracts/impact-report.md "Acceptance scenarios"). */
export interface ScenarioExpectation {
  readonly description?: string;
  readonly unreachableWorkloads?: string[];
  readonly newlyReachableWorkloads?: string[];
  readonly changedHosts?: string[];
  readonly lostEdges?: [string, string][];
  readonly gainedEdges?: [string, string][];
  readonly mustKeepEdges?: [string, string][];
  readonly lostExposures?: [string, string, number][];
  readonly gainedExposures?: [string, string, number][];
  readonly weightShifts?: { host: string; subset: string | null; before: number; after: number }[];
  readonly findingsIntroduced?: { istioCode?: string; kialiCode?: string; code?: string }[];
  readonly error?: { file: string; lines: number[] };
}

interface ReportLike {
  unreachableWorkloads: { workload: string }[];
  newlyReachableWorkloads: { workload: string }[];
  hosts: { host: string }[];
  reachability: { lost: { from: string; to: string }[]; gained: { from: string; to: string }[] };
  exposures: {
    lost: { gateway: string; host: string; port: number }[];
    gained: { gateway: string; host: string; port: number }[];
  };
  routes: {
    weightShifts: { destination: string; subset: string | null; before: number; after: number }[];
  }[];
  findings: { introduced: { code: string; istioCode?: string; kialiCode?: string }[] };
}

const sorted = <T>(items: T[]): T[] =>
  [...items].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
const edge = (e: { from: string; to: string }): string => `${e.from} -> ${e.to}`;

/** Asserts a report against expected.json with exactly the contract's rules; absent keys are not checked. */
export function expectReportToMatchScenario(
  report: ReportLike,
  expected: ScenarioExpectation,
): void {
  if (expected.unreachableWorkloads) {
    expect(
      sorted(report.unreachableWorkloads.map((w) => w.workload)),
      'unreachableWorkloads',
    ).toEqual(sorted(expected.unreachableWorkloads));
  }
  if (expected.newlyReachableWorkloads) {
    expect(
      sorted(report.newlyReachableWorkloads.map((w) => w.workload)),
      'newlyReachableWorkloads',
    ).toEqual(sorted(expected.newlyReachableWorkloads));
  }
  if (expected.changedHosts) {
    expect(sorted([...new Set(report.hosts.map((h) => h.host))]), 'changedHosts').toEqual(
      sorted(expected.changedHosts),
    );
  }
  const lost = new Set(report.reachability.lost.map(edge));
  const gained = new Set(report.reachability.gained.map(edge));
  for (const [from, to] of expected.lostEdges ?? []) {
    expect(lost, `lost edge ${from} -> ${to}`).toContain(`${from} -> ${to}`);
  }
  for (const [from, to] of expected.gainedEdges ?? []) {
    expect(gained, `gained edge ${from} -> ${to}`).toContain(`${from} -> ${to}`);
  }
  for (const [from, to] of expected.mustKeepEdges ?? []) {
    expect(lost, `kept edge ${from} -> ${to}`).not.toContain(`${from} -> ${to}`);
  }
  const triple = (e: { gateway: string; host: string; port: number }): [string, string, number] => [
    e.gateway,
    e.host,
    e.port,
  ];
  if (expected.lostExposures) {
    expect(sorted(report.exposures.lost.map(triple)), 'lostExposures').toEqual(
      sorted(expected.lostExposures),
    );
  }
  if (expected.gainedExposures) {
    expect(sorted(report.exposures.gained.map(triple)), 'gainedExposures').toEqual(
      sorted(expected.gainedExposures),
    );
  }
  const shifts = report.routes.flatMap((r) => r.weightShifts);
  for (const w of expected.weightShifts ?? []) {
    expect(shifts, `weight shift ${JSON.stringify(w)}`).toContainEqual(
      expect.objectContaining({
        destination: w.host,
        subset: w.subset,
        before: w.before,
        after: w.after,
      }),
    );
  }
  for (const f of expected.findingsIntroduced ?? []) {
    expect(report.findings.introduced, `finding ${JSON.stringify(f)}`).toContainEqual(
      expect.objectContaining(f),
    );
  }
}
