import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { splitDocuments } from './split-documents.js';

const cases: readonly string[] = [
  'a: 1\n---\n# c\n---\nb: 1',
  '# header\n---\na: 1',
  '---\na: 1\n---\n',
  'a: 1\n...\n---\nb: 2',
  '',
  '# only',
  'a: 1\n---\n\n---\nb: 2',
  '--- # comment on the marker line\na: 1\n---\nb: 2\n',
  'a: |\n  ---not-a-marker\n  text\n---\nb: 1\n',
];

describe('splitDocuments', () => {
  it.each(cases)('counts documents as js-yaml loadAll does: %j', (text) => {
    expect(splitDocuments(text)).toHaveLength(yaml.loadAll(text).length);
  });

  it('empty and comment-only documents keep their index but have no content line', () => {
    const segments = splitDocuments('a: 1\n---\n# nothing here\n---\nb: 2\n');
    expect(segments.map((segment) => [segment.index, segment.contentLine])).toEqual([
      [0, 1],
      [1, null],
      [2, 5],
    ]);
  });

  // firstContentLine's fast paths (empty line, printable first character) and its trim path agree.
  it.each([
    ['a: 1', 1],
    ['\n\na: 1', 3],
    ['  # c\n\t%YAML 1.2\n  a: 1', 3],
    ['#c\n%d\n\r\n\ufeffa: 1', 4],
    ['\u00a0\n"a": 1', 2],
    ['# c\n   \n', null],
  ] as const)('finds the first content line of %j: %s', (text, line) => {
    expect(splitDocuments(`---\n${text}`)[0]?.contentLine).toBe(line === null ? null : line + 1);
  });

  it('gives each document its line offset in the file, so js-yaml marks map back to file lines', () => {
    const text = '# header\n---\napiVersion: v1\nkind: A\n---\n\n\napiVersion: v1\n';
    const [first, second] = splitDocuments(text);
    expect(first).toMatchObject({ index: 0, lineOffset: 1, columnOffset: 3, contentLine: 3 });
    expect(second).toMatchObject({ index: 1, lineOffset: 4, contentLine: 8 });
    expect(second?.text.split('\n')[3]).toBe('apiVersion: v1');
  });

  it('treats `---` only at the start of a line and followed by a blank as a marker', () => {
    expect(splitDocuments('a: "x --- y"\nb: ---\n---c: 1\n')).toHaveLength(1);
  });
});
