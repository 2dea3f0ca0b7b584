import { describe, expect, it } from 'vitest';
import { documentStartsWithin, tooManyDocuments } from './document-count.js';
import { planIncrementalParse } from './incremental-parse.js';
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

  it('documentStartsWithin (one scan in the incremental parse) refuses exactly what tooManyDocuments refuses', () => {
    const texts = [
      'a: 1\n---\n# c\n---\n---\nb: 2\n',
      '---\na: 1\n',
      'x: "---"\ny: |\n  ----\n--- # doc\nz: 1\n---',
      '----\n---\n-----\n --- \n---\t\n---\r\n...\n---',
      '',
      '---',
    ];
    // And random texts over the characters that matter, from a fixed seed.
    let seed = 7;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed % n;
    };
    const random = () =>
      Array.from({ length: next(40) }, () => '-.\n \ta\r'.charAt(next(7))).join('');
    const randomSets = Array.from({ length: 2_000 }, () =>
      Array.from({ length: 1 + next(3) }, () => file(random())),
    );
    const sets = [...texts.map((t) => [file(t)]), texts.map(file), ...randomSets];
    for (const files of sets) {
      for (let max = 0; max <= 12; max += 1) {
        const refused = documentStartsWithin(files, max) === null;
        expect(refused, `${JSON.stringify(files.map((f) => f.text))} max ${max}`).toBe(
          tooManyDocuments(files, max) !== null,
        );
      }
    }
  });

  it('the incremental parse gives the same located error for a million `---` lines', () => {
    const plan = planIncrementalParse(
      [file('---\n'.repeat(1_000_000))],
      {
        defaultNamespace: 'default',
        limits: { maxDocuments: 250_000 },
      },
      { keyOf: () => '', run: () => undefined },
    );
    expect(!plan.ok && plan.error).toMatchObject({ code: 'MESH0006', line: 250_002 });
  });
});
