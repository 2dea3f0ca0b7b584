import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSourceFiles } from '../read-source-files.js';
import { reportFromFiles } from './impact-source.js';

const SCENARIO = new URL('../../../../shared/scenarios/04-subset-label-drift/', import.meta.url)
  .pathname;

// SARIF annotations and the JSON report point at the finding's field (as `meshlens analyze`
// does), not at the first line of its object (what `impact`/`comment` gave before).
describe('an offline impact report (impact and comment --before/--after)', () => {
  it('gives each introduced finding the line of its field in the after files', async () => {
    const outcome = await reportFromFiles({
      before: await readSourceFiles([join(SCENARIO, 'before')]),
      after: await readSourceFiles([join(SCENARIO, 'after')]),
      beforeLabel: 'before',
      afterLabel: 'after',
      namespace: 'default',
    });
    if (!outcome.ok) {
      throw new Error('the scenario parses');
    }
    const finding = outcome.report.findings.introduced.find(
      (f) => f.resource.kind === 'DestinationRule' && f.path === 'spec.subsets[0]',
    );
    expect(finding?.line).toBe(21);
    expect(
      outcome.locate({ kind: 'DestinationRule', namespace: 'default', name: 'reviews' })?.line,
    ).toBe(13);
  });
});
