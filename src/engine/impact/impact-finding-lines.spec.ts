import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze/analyze.js';
import { createFieldLocator, createImpactFieldLocator } from '../analyze/field-locator.js';
import type { SourceFile } from '../model/source-file.js';
import { parseSnapshot } from '../parse/parse-snapshot.js';
import { impactOfChange } from '../pipeline.js';

const SCENARIO = new URL('../../../../shared/scenarios/04-subset-label-drift/', import.meta.url)
  .pathname;

/** One side of the scenario as a pipeline reads it: files named as in the folder (same on both sides). */
function side(name: 'before' | 'after') {
  const dir = join(SCENARIO, name);
  const files: SourceFile[] = readdirSync(dir)
    .sort()
    .map((file) => ({ name: file, text: readFileSync(join(dir, file), 'utf8') }));
  const parsed = parseSnapshot(files, { defaultNamespace: 'default' });
  if (!parsed.ok) {
    throw new Error(parsed.error.message);
  }
  return { files, resources: parsed.value.resources };
}

// A code-scanning annotation lands on the finding's line: the field's, as `meshlens analyze`
// gives it, not the first line of the object (what the impact path gave before).
describe('lines of the findings of an impact report', () => {
  it('are the field lines of each side, though both sides use the same file names', () => {
    const before = side('before');
    const after = side('after');
    const report = impactOfChange(
      { resources: before.resources, ref: { source: 'before' } },
      { resources: after.resources, ref: { source: 'after' } },
      { analyze: { locate: createImpactFieldLocator(before, after) } },
    );
    const introduced = report.findings.introduced;
    expect(introduced.length).toBeGreaterThan(0);
    const direct = analyze(after.resources, { locate: createFieldLocator(after.files) });
    for (const finding of introduced) {
      const same = direct.find(
        (f) =>
          f.code === finding.code &&
          f.path === finding.path &&
          f.resourceKey.name === finding.resource.name &&
          f.resourceKey.kind === finding.resource.kind,
      );
      expect(same?.line, `${finding.code} ${finding.path}`).toBeDefined();
      expect(finding.line, `${finding.code} ${finding.path}`).toBe(same?.line);
      const object = after.resources.find(
        (r) => r.key.kind === finding.resource.kind && r.key.name === finding.resource.name,
      );
      if (finding.path !== '') {
        expect(finding.line).not.toBe(object?.source?.line);
      }
    }
  });
});
