import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogEntries } from './catalog.js';
import { renderRuleDocs } from './catalog-docs.js';

const committed = (): string =>
  readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');

describe('docs/rules.md (generated from the catalog)', () => {
  it('is up to date with the catalog and the registry (run `npm run docs:rules`)', () => {
    expect(committed()).toBe(renderRuleDocs());
  });

  it('documents every catalog code with its own section', () => {
    const text = renderRuleDocs();
    for (const [, spec] of catalogEntries()) {
      expect(text).toContain(`### ${spec.code} — ${spec.title}`);
    }
  });
});
