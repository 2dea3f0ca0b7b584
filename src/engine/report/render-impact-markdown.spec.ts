import { describe, expect, it } from 'vitest';
import type { ImpactReport, ImpactSummary } from '../impact/impact-report.js';
import { MAX_CHART_EDGES } from './mermaid-flowchart.js';
import { renderImpactMarkdown } from './render-impact-markdown.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function aReport(
  overrides: Partial<Mutable<ImpactReport>> = {},
  summary: Partial<ImpactSummary> = {},
): ImpactReport {
  return {
    schemaVersion: 1,
    base: { environment: 'prod', version: 41 },
    target: { source: 'pr' },
    summary: {
      risk: 'none',
      resourcesChanged: 0,
      hostsChanged: 0,
      routesChanged: 0,
      workloadsUnreachable: 0,
      workloadsNewlyReachable: 0,
      exposuresLost: 0,
      exposuresGained: 0,
      findingsIntroduced: 0,
      findingsResolved: 0,
      ...summary,
    },
    resources: [],
    hosts: [],
    routes: [],
    reachability: { lost: [], gained: [] },
    unreachableWorkloads: [],
    newlyReachableWorkloads: [],
    exposures: { lost: [], gained: [] },
    findings: { introduced: [], resolved: [] },
    notes: [],
    ...overrides,
  };
}

const vsChange = (name: string, fieldCount: number): ImpactReport['resources'][number] => ({
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  namespace: `ns-${String(name.length % 7)}`,
  name,
  change: 'modified',
  fields: Array.from({ length: fieldCount }, (_, i) => ({
    path: `spec.http[${String(i)}].route[0].weight`,
    before: i,
    after: i + 1,
  })),
});

const canaryRoute: ImpactReport['routes'][number] = {
  host: 'reviews.default.svc.cluster.local',
  gateway: 'mesh',
  route: 'default/reviews#http[0]',
  change: 'modified',
  weightShifts: [
    {
      destination: 'reviews.default.svc.cluster.local',
      subset: 'v1',
      port: null,
      before: 90,
      after: 100,
    },
    {
      destination: 'reviews.default.svc.cluster.local',
      subset: 'v2',
      port: null,
      before: 10,
      after: 0,
    },
  ],
};

describe('renderImpactMarkdown', () => {
  it('puts a one-line verdict first: environment, risk and the non-zero counts', () => {
    const report = aReport(
      {
        unreachableWorkloads: [
          { workload: 'default/reviews-v2', kind: 'Deployment', reason: 'no route' },
        ],
      },
      { risk: 'high', workloadsUnreachable: 1, routesChanged: 2, resourcesChanged: 3 },
    );
    const [first, second] = renderImpactMarkdown(report, { environment: 'prod' }).split('\n');
    expect(first).toBe(
      '**meshlens · prod: high risk** — 1 workload unreachable, 2 routes changed, 3 resources changed (prod v41 → pr)',
    );
    expect(second).toBe('');
  });

  it('names the head commit (7 characters) as the compared target when known', () => {
    const markdown = renderImpactMarkdown(aReport({}, { resourcesChanged: 1 }), {
      headSha: '0123456789abcdef0123456789abcdef01234567',
    });
    expect(markdown.split('\n')[0]).toContain('(prod v41 → 0123456)');
  });

  it('a report without any change gets a short "no change" body', () => {
    const markdown = renderImpactMarkdown(aReport(), { environment: 'prod' });
    expect(markdown.split('\n')[0]).toContain('no change');
    expect(markdown).not.toContain('### Impact');
    expect(markdown.length).toBeLessThan(200);
  });

  it('changes without traffic effect say so instead of listing nothing', () => {
    const report = aReport({ resources: [vsChange('a', 1)] }, { resourcesChanged: 1 });
    const markdown = renderImpactMarkdown(report);
    expect(markdown.split('\n')[0]).toContain('no traffic impact');
    expect(markdown).toContain('No effect on hosts, routes, reachability, exposures or findings');
  });

  it('prints weight shifts as `before% → after%` per subset', () => {
    const report = aReport({ routes: [canaryRoute] }, { risk: 'low', routesChanged: 1 });
    const markdown = renderImpactMarkdown(report);
    expect(markdown).toContain('`v1` 90% → 100%, `v2` 10% → 0%');
    expect(markdown).toContain('|"90% → 100%"|');
  });

  it('a Secret is named and nothing more, even when the report carries its values', () => {
    const report = aReport(
      {
        resources: [
          {
            apiVersion: 'v1',
            kind: 'Secret',
            namespace: 'default',
            name: 'db-credentials',
            change: 'modified',
            fields: [
              { path: 'data.password', before: 'aHVudGVyMg==', after: 'c3VwZXJzZWNyZXQ=' },
              { path: 'stringData.apiKey', after: { nested: 'PLAINTEXT-KEY' } },
            ],
          },
        ],
        findings: {
          introduced: [
            {
              code: 'MESH0100',
              level: 'Error',
              resource: { kind: 'Secret', namespace: 'default', name: 'db-credentials' },
              path: 'data.password',
              message: 'value c3VwZXJzZWNyZXQ= leaked into a message',
            },
          ],
          resolved: [],
        },
      },
      { risk: 'medium', resourcesChanged: 1, findingsIntroduced: 1 },
    );
    const markdown = renderImpactMarkdown(report);
    expect(markdown).toContain('**Secret** `db-credentials`');
    for (const leaked of [
      'aHVudGVyMg==',
      'c3VwZXJzZWNyZXQ=',
      'PLAINTEXT-KEY',
      'data.password',
      'stringData.apiKey',
    ]) {
      expect(markdown).not.toContain(leaked);
    }
  });

  it('free text cannot open HTML, @-mention people or add links', () => {
    const report = aReport(
      {
        unreachableWorkloads: [
          {
            workload: 'default/x',
            kind: 'Deployment',
            reason: '<script>alert(1)</script> cc @acme/oncall [x](https://evil)',
          },
        ],
      },
      { risk: 'high', workloadsUnreachable: 1 },
    );
    const markdown = renderImpactMarkdown(report);
    expect(markdown).not.toContain('<script>');
    expect(markdown).not.toContain('@acme');
    expect(markdown).not.toContain('[x](https://evil)');
    expect(markdown).toContain('&lt;script&gt;');
  });

  it('is deterministic: list order in the input does not change a byte', () => {
    const workloads = ['default/b', 'default/a', 'other/c'].map((workload) => ({
      workload,
      kind: 'Deployment',
    }));
    const one = aReport(
      { unreachableWorkloads: workloads, resources: [vsChange('b', 1), vsChange('a', 2)] },
      { risk: 'high' },
    );
    const two = aReport(
      {
        unreachableWorkloads: [...workloads].reverse(),
        resources: [vsChange('a', 2), vsChange('b', 1)],
      },
      { risk: 'high' },
    );
    expect(renderImpactMarkdown(one)).toBe(renderImpactMarkdown(two));
  });
});

describe('renderImpactMarkdown budget (60,000 characters by default)', () => {
  const manyFields = aReport(
    { resources: Array.from({ length: 40 }, (_, i) => vsChange(`vs-${String(i)}`, 40)) },
    { resourcesChanged: 40 },
  );

  it('drops field diffs first and keeps the per-namespace details', () => {
    const full = renderImpactMarkdown(manyFields, { budget: 1_000_000 });
    const budget = full.length - 1;
    const markdown = renderImpactMarkdown(manyFields, { budget });
    expect(full).toContain('```diff');
    expect(markdown.length).toBeLessThanOrEqual(budget);
    expect(markdown).not.toContain('```diff');
    expect(markdown).toContain('<details>');
    expect(markdown).toContain('left out field-level diffs.');
  });

  it('drops the details next, keeping the verdict and the Impact section', () => {
    const markdown = renderImpactMarkdown(manyFields, { budget: 2_000 });
    expect(markdown.length).toBeLessThanOrEqual(2_000);
    expect(markdown).not.toContain('<details>');
    expect(markdown).toContain('### Impact');
    expect(markdown).toContain('left out field-level diffs, per-namespace details.');
  });

  it('a huge change stays under the budget and keeps the verdict with the true counts', () => {
    const unreachable = Array.from({ length: 20_000 }, (_, i) => ({
      workload: `ns-${String(i % 50)}/app-${String(i)}`,
      kind: 'Deployment',
      reason: 'subset v1 of app selects no pod',
    }));
    const report = aReport(
      {
        unreachableWorkloads: unreachable,
        routes: Array.from({ length: 3_000 }, (_, i) => ({
          ...canaryRoute,
          route: `default/r${String(i)}#http[0]`,
        })),
        resources: Array.from({ length: 5_000 }, (_, i) => vsChange(`vs-${String(i)}`, 3)),
      },
      { risk: 'high', workloadsUnreachable: 20_000, routesChanged: 3_000, resourcesChanged: 5_000 },
    );
    const markdown = renderImpactMarkdown(report, { environment: 'prod' });
    expect(markdown.length).toBeLessThanOrEqual(60_000);
    expect(markdown.split('\n')[0]).toBe(
      '**meshlens · prod: high risk** — 20000 workloads unreachable, 3000 routes changed, 5000 resources changed (prod v41 → pr)',
    );
    expect(markdown).toContain('**Shortened to stay under 60000 characters**');
    expect(markdown).toMatch(/- … and \d+ more/);
    expect(markdown).toContain('**Unreachable workloads** (20000)');
  });

  it('links the full report on the server when both sides are stored versions', () => {
    const report = aReport(
      { ...manyFields, target: { environment: 'prod', version: 42 } },
      { resourcesChanged: 40 },
    );
    const markdown = renderImpactMarkdown(report, {
      budget: 2_000,
      serverUrl: 'https://ml.example.com/',
    });
    expect(markdown).toContain(
      '[Full report](https://ml.example.com/api/v1/environments/prod/diff?from=41&to=42)',
    );
  });

  it('says how to get the full report when it has no address', () => {
    const markdown = renderImpactMarkdown(manyFields, {
      budget: 2_000,
      serverUrl: 'https://ml.example.com',
      environment: 'prod',
    });
    expect(markdown).toContain(
      'The full report: `meshlens impact --server https://ml.example.com --env prod --after …`',
    );
  });
});

describe('renderImpactMarkdown mermaid chart', () => {
  function chartOf(markdown: string): string[] {
    const start = markdown.indexOf('```mermaid\n');
    const end = markdown.indexOf('\n```', start + 1);
    return markdown.slice(start, end).split('\n').slice(1);
  }

  const report = aReport(
    {
      hosts: [{ host: 'odd"host]name.example.com', gateway: 'ns/gw', change: 'removed' }],
      routes: [canaryRoute],
      unreachableWorkloads: [{ workload: 'default/reviews-v2', kind: 'Deployment' }],
      newlyReachableWorkloads: [{ workload: 'default/reviews-v3', kind: 'Deployment' }],
      reachability: {
        lost: [],
        gained: [{ from: 'external:ns/gw', to: 'default/reviews-v3', reason: 'exposed' }],
      },
    },
    { risk: 'high' },
  );
  const lines = chartOf(renderImpactMarkdown(report));

  it('uses generated node ids and quoted, entity-escaped labels', () => {
    const nodes = lines.filter((line) => /^ {2}n\d+[[({]/.test(line));
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      expect(node).toMatch(/^ {2}n\d+(\{\{|\(\[|\[\[|\[|\()"[^"]*"(\}\}|\]\)|\]\]|\]|\))$/);
    }
    expect(lines.join('\n')).toContain('"odd#quot;host]name.example.com"');
  });

  it('colours lost paths red and new paths green with classDef and linkStyle', () => {
    const edges = lines.filter((line) => /^ {2}n\d+ -/.test(line));
    const styleOf = (colour: string): number[] =>
      (lines.find((line) => line.startsWith('  linkStyle') && line.includes(colour)) ?? '')
        .replace(/^ {2}linkStyle /, '')
        .split(' ')[0]!
        .split(',')
        .map(Number);
    const ids = new Map(
      lines.flatMap((line) => {
        const match = /^ {2}(n\d+)\S*?"([^"]*)"/.exec(line);
        return match ? [[match[2]!, match[1]!] as const] : [];
      }),
    );
    const red = styleOf('#cf222e').map((i) => edges[i]);
    const green = styleOf('#1a7f37').map((i) => edges[i]);
    expect(red).toContain(`  ${ids.get('reviews v2')!} -.-> ${ids.get('default/reviews-v2')!}`);
    expect(green).toContain(`  ${ids.get('ns/gw')!} --> ${ids.get('default/reviews-v3')!}`);
    const lostClass =
      lines.find((line) => line.startsWith('  class ') && line.endsWith(' lost')) ?? '';
    expect(lostClass.split(' ')[3]!.split(',')).toEqual(
      expect.arrayContaining([ids.get('reviews v2'), ids.get('default/reviews-v2')]),
    );
  });

  it(`draws at most ${String(MAX_CHART_EDGES)} links and says how many it left out`, () => {
    const big = aReport(
      {
        routes: Array.from({ length: 100 }, (_, i) => ({
          ...canaryRoute,
          route: `default/r${String(i)}#http[0]`,
        })),
      },
      { risk: 'low' },
    );
    const markdown = renderImpactMarkdown(big, { budget: 1_000_000 });
    const edges = chartOf(markdown).filter((line) => /^ {2}n\d+ -/.test(line));
    expect(edges).toHaveLength(MAX_CHART_EDGES);
    expect(markdown).toMatch(/The chart shows 80 of \d+ links\./);
  });
});
