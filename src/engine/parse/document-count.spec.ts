import { describe, expect, it } from 'vitest';
import { tooManyDocuments } from './document-count.js';
import { parseSnapshot } from './parse-snapshot.js';

const file = (text: string) => ({ name: 'body.yaml', text });

describe('document count limit (issue 8: a million documents)', () => {
  it('counts empty and comment-only documents too, and points at the first one over the limit', () => {
    const error = tooManyDocuments([file('a: 1\n---\n# c\n---\n---\nb: 2\n')], 3);
    expect(error).toMatchObject({ code: 'MESH0006', file: 'body.yaml', line: 6 });
    expect(error?.message).toBe('more than 3 documents in the snapshot');
    expect(tooManyDocuments([file('a: 1\n---\n# c\n---\n---\nb: 2\n')], 4)).toBeNull();
  });

  it('counts across files, and only `---` at the start of a line followed by a blank or the end', () => {
    const files = [file('---\na: 1\n'), file('x: "---"\ny: |\n  ----\n--- # doc\nz: 1\n---')];
    // 1 (the leading --- opens the first document) + 3 (`--- # doc` and the final `---`)
    expect(tooManyDocuments(files, 4)).toBeNull();
    expect(tooManyDocuments(files, 3)).not.toBeNull();
  });

  it('a million `---` lines are refused before anything is parsed', () => {
    const parsed = parseSnapshot([file('---\n'.repeat(1_000_000))], {
      defaultNamespace: 'default',
      limits: { maxDocuments: 250_000 },
    });
    expect(!parsed.ok && parsed.error).toMatchObject({ code: 'MESH0006', line: 250_002 });
  });
});
