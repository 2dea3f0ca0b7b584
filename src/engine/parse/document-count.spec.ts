import { describe, expect, it } from 'vitest';
import { documentStartsWithin, tooManyDocuments } from './document-count.js';
import { planIncrementalParse } from './incremental-parse.js';
import { parseSnapshot } from './parse-snapshot.js';

const file = (text: string) => ({ name: 'body.yaml', text });

/**
 * The count as it was first written (one pass over every `---` line, no cap): the line of the
 * first document over the limit, or null. The capped scan must agree with it.
 */
function referenceRefusalLine(files: readonly { text: string }[], max: number): number | null {
  const opens = (text: string, at: number) =>
    (at === 0 || text[at - 1] === '\n') && /^(?:[ \t\r\n]|$)/.test(text.slice(at + 3, at + 4));
  let count = 0;
  for (const { text } of files) {
    count += 1;
    for (let at = text.indexOf('---'); at >= 0; at = text.indexOf('---', at + 1)) {
      if (!opens(text, at)) {
        continue;
      }
      count += at > 0 ? 1 : 0;
      if (count > max) {
        return text.slice(0, at).split('\n').length + 1;
      }
      at += 2;
    }
  }
  return null;
}

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

  it('documentStartsWithin (one capped scan) refuses what a plain scan of every `---` line refuses, at the same line', () => {
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
        const within = documentStartsWithin(files, max);
        expect(
          within.ok ? null : within.error.line,
          `${JSON.stringify(files.map((f) => f.text))} max ${max}`,
        ).toBe(referenceRefusalLine(files, max));
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
