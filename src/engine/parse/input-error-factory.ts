import type { InputError } from '../model/input-error.js';
import { INPUT_CODES, type InputCodeName } from './input-codes.js';
import type { DocumentSegment } from './split-documents.js';

/** 1-based position in a file. */
export interface FilePosition {
  readonly line: number;
  readonly column: number;
}

/** Maps a 0-based line/column inside a segment's text to a 1-based position in its file. */
export function segmentToFilePosition(
  segment: DocumentSegment,
  line: number,
  column: number,
): FilePosition {
  return {
    line: segment.lineOffset + line + 1,
    column: column + 1 + (line === 0 ? segment.columnOffset : 0),
  };
}

export interface ErrorSite {
  readonly file: string;
  readonly document: number | null;
  readonly position: FilePosition | null;
  readonly path: string;
}

export function makeInputError(name: InputCodeName, site: ErrorSite, message: string): InputError {
  return {
    code: INPUT_CODES[name].code,
    file: site.file,
    document: site.document,
    line: site.position?.line ?? null,
    column: site.position?.column ?? null,
    path: site.path,
    message,
  };
}
