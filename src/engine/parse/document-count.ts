import type { InputError } from '../model/input-error.js';
import type { SourceFile } from '../model/source-file.js';
import { makeInputError } from './input-error-factory.js';
import { documentStarts } from './split-documents.js';

/** Offset of the next line that starts a YAML document (`---` then a blank, a newline or the end). */
function nextSeparator(text: string, from: number): number {
  for (let at = text.indexOf('---', from); at >= 0; at = text.indexOf('---', at + 3)) {
    const atLineStart = at === 0 || text.charCodeAt(at - 1) === 10;
    const next = text.charCodeAt(at + 3);
    if (
      atLineStart &&
      (Number.isNaN(next) || next === 10 || next === 13 || next === 32 || next === 9)
    ) {
      return at;
    }
  }
  return -1;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
    line += 1;
  }
  return line;
}

/**
 * Refuses a snapshot with more YAML documents than objects allowed (`maxDocuments`), counting empty
 * and comment-only ones too, before anything is parsed: a body of a million `---` lines would
 * otherwise be split and skipped document by document (and, being empty, stored as an empty
 * version), and a million tiny documents would all be parsed before the first is refused. The
 * count is an upper bound (a `---` line inside a block scalar counts too), which only matters for
 * inputs already at the limit. JSON files count as one document.
 */
export function tooManyDocuments(
  files: readonly SourceFile[],
  maxDocuments: number,
): InputError | null {
  let count = 0;
  for (const file of files) {
    count += 1;
    for (let at = nextSeparator(file.text, 0); at >= 0; at = nextSeparator(file.text, at + 3)) {
      if (at > 0) {
        count += 1;
      }
      if (count > maxDocuments) {
        const site = { file: file.name, document: null, path: '' };
        // The first line of the document over the limit (the one after its `---`).
        const position = { line: lineOf(file.text, at) + 1, column: 1 };
        const message = `more than ${maxDocuments} documents in the snapshot`;
        return makeInputError('limitExceeded', { ...site, position }, message);
      }
    }
  }
  return null;
}

/**
 * Every file's documentStarts, or null when tooManyDocuments refuses the snapshot (it counts one
 * document per file plus one per `---` line past its start, the lines documentStarts finds, and
 * checks at each such line; it then gives the located error). One scan serves both the limit and the
 * split into documents, and it stops past the limit.
 */
export function documentStartsWithin(
  files: readonly SourceFile[],
  maxDocuments: number,
): number[][] | null {
  const all: number[][] = [];
  let count = 0;
  for (const file of files) {
    // Past maxDocuments - count + 1 starts (one may be at offset 0) the file is over the limit;
    // already over it, one start decides.
    const starts = documentStarts(file.text, Math.max(1, maxDocuments - count + 2));
    count += starts[0] === 0 ? starts.length : starts.length + 1;
    // As tooManyDocuments: the count is checked at each `---` only (not for a file without one).
    if (starts.length > 0 && count > maxDocuments) {
      return null;
    }
    all.push(starts);
  }
  return all;
}
