import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { impactOfScenarioFolder } from '../../../test/support/engine-fixtures.js';
import type { ImpactReport } from './impact-report.js';
import {
  expectReportToMatchScenario,
  type ScenarioExpectation,
} from '../../../test/support/scenario-expectations.js';

// The project's own scenarios (test/scenarios/*, issue 4 "Proof"): what the shared ones do not
// cover — delegation, exportTo, ServiceEntry under REGISTRY_ONLY, port changes, TCP routes, several
// VirtualServices for one host, Sidecar imports across namespaces, namespace injection. Same
// expected.json format as ../shared/scenarios (contracts/impact-report.md "Acceptance scenarios"),
// plus two keys of our own: `mustNotGainEdges` ([from, to] pairs that must not be in
// `reachability.gained`) and `knownFailure` (why the engine does not meet the expectation yet:
// the scenario runs with `it.fails`, so the suite turns red once the engine is fixed and the key
// must be removed).
const SCENARIOS = new URL('../../../test/scenarios/', import.meta.url).pathname;

interface OwnExpectation extends ScenarioExpectation {
  readonly mustNotGainEdges?: [string, string][];
  readonly knownFailure?: string;
}

function impactOf(name: string): ImpactReport {
  return impactOfScenarioFolder(join(SCENARIOS, name));
}

function expectationOf(name: string): OwnExpectation {
  return JSON.parse(readFileSync(join(SCENARIOS, name, 'expected.json'), 'utf8')) as OwnExpectation;
}

function expectScenario(name: string): void {
  const report = impactOf(name);
  const expected = expectationOf(name);
  expectReportToMatchScenario(report as never, expected);
  const gained = new Set(report.reachability.gained.map((e) => `${e.from} -> ${e.to}`));
  for (const [from, to] of expected.mustNotGainEdges ?? []) {
    expect(gained, `not gained ${from} -> ${to}`).not.toContain(`${from} -> ${to}`);
  }
}

const scenarios = readdirSync(SCENARIOS).sort();
const passing = scenarios.filter((s) => expectationOf(s).knownFailure === undefined);
const knownFailures = scenarios.filter((s) => expectationOf(s).knownFailure !== undefined);

describe('impact of the project scenarios on the engine', () => {
  it('finds the scenarios', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(8);
  });

  it.each(passing)('%s', (name) => {
    expectScenario(name);
  });

  // Known engine bugs: expected.json holds the correct (SEMANTICS) outcome; `it.fails` keeps the
  // suite green until the engine is fixed, then fails so the knownFailure key gets removed.
  if (knownFailures.length > 0) {
    it.fails.each(knownFailures)('%s (known failure)', (name) => {
      expectScenario(name);
    });
  }

  it('gives byte-identical JSON for the same input', () => {
    const name = scenarios[0] ?? '';
    expect(JSON.stringify(impactOf(name))).toBe(JSON.stringify(impactOf(name)));
  });
});
