import type { InputError } from '../model/input-error.js';
import { err, ok, type Result } from '../model/result.js';
import type { SourceFile } from '../model/source-file.js';
import { makeInputError } from './input-error-factory.js';
import { documentStarts } from './split-documents.js';

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
    line += 1;
  }
  return line;
}

function overLimit(file: SourceFile, at: number, maxDocuments: number): InputError {
  const site = { file: file.name, document: null, path: '' };
  // The first line of the document over the limit (the one after its `---`).
  const position = { line: lineOf(file.text, at) + 1, column: 1 };
  const message = `more than ${maxDocuments} documents in the snapshot`;
  return makeInputError('limitExceeded', { ...site, position }, message);
}

/**
 * Every file's documentStarts (the `---` lines that open documents), or the located error when the
 * snapshot has more YAML documents than objects allowed (`maxDocuments`), counting empty and
 * comment-only ones too, before anything is parsed: a body of a million `---` lines would
 * otherwise be split and skipped document by document (and, being empty, stored as an empty
 * version), and a million tiny documents would all be parsed before the first is refused. A file
 * counts one document plus one per `---` line past its start, checked at each such line; the scan
 * stops past the limit. The count is an upper bound (a `---` line inside a block scalar counts
 * too), which only matters for inputs already at the limit. JSON files count as one document.
 */
export function documentStartsWithin(
  files: readonly SourceFile[],
  maxDocuments: number,
): Result<number[][], InputError> {
  const all: number[][] = [];
  let count = 0;
  for (const file of files) {
    // Past maxDocuments - count + 1 starts (one may be at offset 0) the file is over the limit;
    // already over it, one start decides.
    const starts = documentStarts(file.text, Math.max(1, maxDocuments - count + 2));
    count += 1;
    for (const at of starts) {
      count += at > 0 ? 1 : 0;
      if (count > maxDocuments) {
        return err(overLimit(file, at, maxDocuments));
      }
    }
    all.push(starts);
  }
  return ok(all);
}

/** documentStartsWithin's error, if any (for a caller that splits the files itself). */
export function tooManyDocuments(
  files: readonly SourceFile[],
  maxDocuments: number,
): InputError | null {
  const within = documentStartsWithin(files, maxDocuments);
  return within.ok ? null : within.error;
}
