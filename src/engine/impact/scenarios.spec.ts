import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { impactOfScenarioFolder } from '../../../test/support/engine-fixtures.js';
import type { ImpactReport } from './impact-report.js';
import {
  expectReportToMatchScenario,
  type ScenarioExpectation,
} from '../../../test/support/scenario-expectations.js';

const SCENARIOS = new URL('../../../../shared/scenarios/', import.meta.url).pathname;

function impactOf(name: string): ImpactReport {
  return impactOfScenarioFolder(join(SCENARIOS, name));
}

function expectationOf(name: string): ScenarioExpectation {
  return JSON.parse(
    readFileSync(join(SCENARIOS, name, 'expected.json'), 'utf8'),
  ) as ScenarioExpectation;
}

// Every shared scenario straight on the engine (no parser; the CLI and REST acceptance tests in
// test/e2e/scenarios.e2e-spec.ts run the same expectations end to end).
const scenarios = readdirSync(SCENARIOS)
  .filter((s) => expectationOf(s).error === undefined)
  .sort();

describe('impact of the shared scenarios on the engine', () => {
  it.each(scenarios)('%s', (name) => {
    expectReportToMatchScenario(impactOf(name) as never, expectationOf(name));
  });

  it('gives byte-identical JSON for the same input', () => {
    expect(JSON.stringify(impactOf('05-sidecar-registry-only'))).toBe(
      JSON.stringify(impactOf('05-sidecar-registry-only')),
    );
  });

  it('reports weight shifts in percent of the route (R11) for the canary', () => {
    const report = impactOf('01-canary-10-percent');
    expect(report.routes).toEqual([
      expect.objectContaining({
        route: 'default/reviews#http[0]',
        gateway: 'mesh',
        change: 'modified',
      }),
    ]);
    expect(report.summary).toMatchObject({
      risk: 'low',
      resourcesChanged: 1,
      hostsChanged: 1,
      routesChanged: 1,
      workloadsNewlyReachable: 1,
    });
  });

  it('explains why a workload becomes unreachable', () => {
    expect(impactOf('04-subset-label-drift').unreachableWorkloads).toEqual([
      {
        workload: 'default/reviews-v1',
        kind: 'Deployment',
        reason: 'subset v1 of reviews.default.svc.cluster.local selects no workload',
      },
    ]);
    const strict = impactOf('06-strict-mtls-vs-plaintext-client').unreachableWorkloads[0]?.reason;
    expect(strict).toBe(
      'mTLS: default/ratings-v1 requires STRICT (default/ratings-strict) and the client sends DISABLE (DestinationRule tls.mode)',
    );
    expect(impactOf('07-allow-nothing-policy').unreachableWorkloads[0]?.reason).toBe(
      'denied by AuthorizationPolicy default/allow-nothing',
    );
  });

  it('grades risk by the documented rules', () => {
    expect(impactOf('02-blue-green-flip').summary.risk).toBe('high'); // a workload becomes unreachable
    expect(impactOf('03-mesh-gateway-displaced').summary.risk).toBe('medium'); // new exposure
    expect(impactOf('08-gateway-removed').summary.risk).toBe('high'); // exposure lost
  });
});
