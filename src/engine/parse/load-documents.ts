import yaml from 'js-yaml';
import type { InputError } from '../model/input-error.js';
import { err, ok, type Result } from '../model/result.js';
import type { SourceFile } from '../model/source-file.js';
import { formatFieldPath } from '../diff/field-path.js';
import { findAbsurdNumber } from './absurd-numbers.js';
import { makeInputError, segmentToFilePosition, type FilePosition } from './input-error-factory.js';
import { findDuplicateJsonKey } from './json-duplicate-keys.js';
import { locatePath } from './locate-path.js';
import { splitDocuments, type DocumentSegment } from './split-documents.js';

/** A non-empty document as js-yaml (or JSON.parse) produced it. */
export interface LoadedDocument {
  readonly file: string;
  readonly segment: DocumentSegment;
  readonly value: unknown;
}

/**
 * YAML 1.2 core schema (js-yaml 4): `yes`/`no`/`on` stay strings, timestamps stay strings (as
 * Kubernetes' YAML-to-JSON conversion keeps them), plus merge keys (`<<: *base`), which kubectl
 * accepts. `!!binary`, `!!set` and other tags are syntax errors, as they have no JSON form.
 */
const MERGE_KEY = new yaml.Type('tag:yaml.org,2002:merge', {
  kind: 'scalar',
  resolve: (data: unknown) => data === '<<' || data === null,
}); // js-yaml's own merge type (lib/type/merge.js), which @types/js-yaml does not expose
const YAML_SCHEMA = yaml.CORE_SCHEMA.extend({ implicit: [MERGE_KEY] });

/** JSON by extension, or text whose first non-blank character opens a JSON object or array. */
export function isJsonFile(file: SourceFile): boolean {
  if (file.name.toLowerCase().endsWith('.json')) {
    return true;
  }
  const first = /\S/.exec(file.text.slice(0, 4096));
  return first !== null && (first[0] === '{' || first[0] === '[');
}

function positionOfOffset(text: string, offset: number): FilePosition {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** JSON.parse on a prefix fails "hard" (not merely "unexpected end") once the prefix holds the error. */
function failsHard(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : '';
    const at = /position (\d+)/.exec(message)?.[1];
    return !message.includes('end of JSON input') && Number(at ?? -1) < prefix.length;
  }
}

/** Largest file for which the error path bisects (each step re-parses a prefix). */
const MAX_BISECT_LENGTH = 8_000_000;

/**
 * V8 (Node 20) gives the offset of some JSON syntax errors only ("Unexpected token" has none).
 * Otherwise the offset is found by bisection: the shortest prefix that fails for another reason
 * than its end ends at the offending character.
 */
function jsonErrorPosition(text: string, message: string): FilePosition | null {
  const at = /position (\d+)/.exec(message);
  if (at?.[1] !== undefined) {
    return positionOfOffset(text, Number(at[1]));
  }
  if (text.length > MAX_BISECT_LENGTH) {
    return null;
  }
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (failsHard(text.slice(0, middle + 1))) {
      high = middle;
    } else {
      low = middle + 1;
    }
  }
  return positionOfOffset(text, low);
}

function wholeFileSegment(text: string): DocumentSegment {
  const first = text.search(/\S/);
  const contentLine = first < 0 ? null : positionOfOffset(text, first).line;
  return { index: 0, text, lineOffset: 0, columnOffset: 0, contentLine };
}

function loadJson(file: SourceFile): Result<LoadedDocument[], InputError> | null {
  try {
    const value: unknown = JSON.parse(file.text.replace(/^\uFEFF/, '')); // JSON.parse refuses a BOM
    const segment = wholeFileSegment(file.text);
    const duplicate = findDuplicateJsonKey(file.text);
    if (duplicate !== null) {
      const site = { file: file.name, document: 0, path: formatFieldPath(duplicate.path) };
      const position = positionOfOffset(file.text, duplicate.offset);
      const message = `duplicated mapping key ${JSON.stringify(duplicate.path.at(-1))}`;
      return err(makeInputError('yamlSyntax', { ...site, position }, message));
    }
    return value === null ? ok([]) : ok([{ file: file.name, segment, value }]);
  } catch (error: unknown) {
    if (!file.name.toLowerCase().endsWith('.json')) {
      return null; // flow-style YAML that merely starts with `{`: let the YAML parser have it
    }
    const message = error instanceof Error ? error.message : String(error);
    const site = { file: file.name, document: 0, path: '' };
    const position = jsonErrorPosition(file.text, message);
    return err(makeInputError('yamlSyntax', { ...site, position }, `invalid JSON: ${message}`));
  }
}

function loadSegment(file: string, segment: DocumentSegment): Result<unknown, InputError> {
  try {
    return ok(yaml.load(segment.text, { schema: YAML_SCHEMA, filename: file }));
  } catch (error: unknown) {
    const site = { file, document: segment.index, path: '' };
    if (error instanceof yaml.YAMLException) {
      const position = segmentToFilePosition(segment, error.mark.line, error.mark.column);
      return err(makeInputError('yamlSyntax', { ...site, position }, error.reason));
    }
    if (error instanceof RangeError) {
      const position =
        segment.contentLine === null ? null : { line: segment.contentLine, column: 1 };
      const message = 'the document nests too deeply to be parsed';
      return err(makeInputError('limitExceeded', { ...site, position }, message));
    }
    throw error;
  }
}

/**
 * Parses one file into its non-empty documents. JSON files (by extension, or text starting with
 * `{` or `[`) go through JSON.parse; everything else is multi-document YAML, one js-yaml `load`
 * per document so every document keeps its index and line offset. Empty and comment-only
 * documents are dropped here but keep their place in the numbering.
 */
export function loadDocuments(file: SourceFile): Result<LoadedDocument[], InputError> {
  if (isJsonFile(file)) {
    const json = loadJson(file);
    if (json !== null) {
      return json.ok ? checkNumbers(json.value) : json;
    }
  }
  const documents: LoadedDocument[] = [];
  for (const segment of splitDocuments(file.text)) {
    if (segment.contentLine === null) {
      continue;
    }
    const loaded = loadSegment(file.name, segment);
    if (!loaded.ok) {
      return loaded;
    }
    if (loaded.value !== null && loaded.value !== undefined) {
      documents.push({ file: file.name, segment, value: loaded.value });
    }
  }
  return checkNumbers(documents);
}

/** Refuses numbers the store could not keep as written (absurd-numbers.ts), located. */
function checkNumbers(documents: LoadedDocument[]): Result<LoadedDocument[], InputError> {
  for (const { file, segment, value } of documents) {
    const absurd = findAbsurdNumber(value, segment.text);
    if (absurd !== null) {
      const site = { file, document: segment.index, path: formatFieldPath(absurd.path) };
      const position = locatePath(segment, absurd.path);
      return err(makeInputError('limitExceeded', { ...site, position }, absurd.reason));
    }
  }
  return ok(documents);
}
