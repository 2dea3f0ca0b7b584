import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ImpactReport } from '../impact/impact-report.js';
import type { SourceFile } from '../model/source-file.js';
import { parseSnapshot } from '../parse/parse-snapshot.js';
import { impactOfChange } from '../pipeline.js';
import { SCENARIOS_DIR } from '../../../test/support/engine-fixtures.js';
import { renderImpactMarkdown } from './render-impact-markdown.js';
import type { RenderMarkdownOptions } from './report-options.js';

/**
 * Golden Markdown (issue 6 "Proof"): the comment body for every shared scenario and for
 * hand-made reports, committed under test/golden/ and reviewed by eye. Regenerate with
 * `UPDATE_GOLDEN=1 npx vitest run src/engine/report/golden.spec.ts` and read the diff.
 */
const GOLDEN_DIR = fileURLToPath(new URL('../../../test/golden/', import.meta.url));
const FIXTURES_DIR = join(GOLDEN_DIR, 'fixtures');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

function expectGolden(file: string, actual: string): void {
  const path = join(GOLDEN_DIR, file);
  if (UPDATE) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(path, actual);
  }
  expect(existsSync(path), `${file} is committed (UPDATE_GOLDEN=1 writes it)`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

interface Fixture {
  readonly options: RenderMarkdownOptions;
  readonly report: ImpactReport;
}

const fixtures = readdirSync(FIXTURES_DIR)
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.replace(/\.json$/, ''))
  .sort();

describe('golden Markdown of hand-made reports (test/golden/fixture-*.md)', () => {
  it.each(fixtures)('%s renders as committed', (name) => {
    const fixture = JSON.parse(readFileSync(join(FIXTURES_DIR, `${name}.json`), 'utf8')) as Fixture;
    expectGolden(`fixture-${name}.md`, renderImpactMarkdown(fixture.report, fixture.options));
  });
});

function snapshotFiles(scenario: string, side: 'before' | 'after'): SourceFile[] {
  const dir = join(SCENARIOS_DIR, scenario, side);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml') || file.endsWith('.yml'))
    .sort()
    .map((file) => ({ name: `${side}/${file}`, text: readFileSync(join(dir, file), 'utf8') }));
}

/** The report `meshlens comment --before before/ --after after/` computes offline. */
function scenarioReport(scenario: string): ImpactReport | null {
  const before = parseSnapshot(snapshotFiles(scenario, 'before'), { defaultNamespace: 'default' });
  const after = parseSnapshot(snapshotFiles(scenario, 'after'), { defaultNamespace: 'default' });
  if (!before.ok || !after.ok) {
    return null;
  }
  return impactOfChange(
    { resources: before.value.resources, ref: { source: 'before/' } },
    { resources: after.value.resources, ref: { source: 'after/' } },
  );
}

const scenarios = readdirSync(SCENARIOS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .filter((name) => {
    const expected = JSON.parse(
      readFileSync(join(SCENARIOS_DIR, name, 'expected.json'), 'utf8'),
    ) as {
      error?: unknown;
    };
    return expected.error === undefined;
  })
  .sort();

const SCENARIO_OPTIONS: RenderMarkdownOptions = {
  environment: 'bookinfo',
  headSha: '5e8b2d1c0a9f8e7d6c5b4a39281706f5e4d3c2b1',
};

describe('golden Markdown of the shared scenarios (test/golden/<scenario>.md)', () => {
  it('covers every valid scenario', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(10);
  });

  it.each(scenarios)('%s renders as committed', (name) => {
    const report = scenarioReport(name);
    expect(report, 'both snapshots parse').not.toBeNull();
    expectGolden(`${name}.md`, renderImpactMarkdown(report!, SCENARIO_OPTIONS));
  });

  it('docs/example-comment.md is the real comment for 04-subset-label-drift', () => {
    const docs = readFileSync(new URL('../../../docs/example-comment.md', import.meta.url), 'utf8');
    const body = renderImpactMarkdown(scenarioReport('04-subset-label-drift')!, SCENARIO_OPTIONS);
    const marker = `<!-- meshlens:v1 env=bookinfo sha=${SCENARIO_OPTIONS.headSha ?? ''} -->`;
    expect(docs.endsWith(`---\n\n${marker}\n${body}`)).toBe(true);
  });
});
