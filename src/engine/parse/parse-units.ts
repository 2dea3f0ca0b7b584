import type { SourceFile } from '../model/source-file.js';
import { isJsonFile } from './load-documents.js';
import {
  countNewlines,
  type DocumentSegment,
  segmentSpans,
  type SegmentSpan,
  toSegment,
} from './split-documents.js';

/** A unit before its line is known: lines are counted from cached newline counts (placeUnits). */
export interface RawUnit {
  readonly file: SourceFile;
  /** The YAML document's place, or null for a whole-file unit. */
  readonly span: SegmentSpan | null;
  /** What the unit's outcome depends on besides the options: 's' a YAML document, 'f' a whole file, 'j' a whole `.json` file. */
  readonly tag: 's' | 'f' | 'j';
  readonly text: string;
  /** 0-based document index where the unit starts in its file. */
  readonly startDocument: number;
}

/**
 * A piece of input whose parse outcome depends on its text (and the parse options) alone: one
 * YAML document of a file, or a whole file that loadDocuments reads as JSON. Units are what the
 * incremental parse caches; where a unit sits (its file, document index, line) is not part of it.
 */
export interface ParseUnit extends RawUnit {
  /** 0-based line where the unit starts in its file. */
  readonly startLine: number;
}

/** A run of consecutive YAML units of one file, keyed as one text (the span they cover). */
export interface UnitRun {
  readonly first: number;
  /** Exclusive. */
  readonly end: number;
  readonly text: string;
}

function isDotJson(file: SourceFile): boolean {
  return file.name.toLowerCase().endsWith('.json');
}

/**
 * The units of a file, in order; empty and comment-only documents are none (loadDocuments skips
 * them). Files that loadDocuments may read as JSON (its own isJsonFile) are one unit: their
 * documents are not cut by `---`. `starts`: the file's documentStarts, if already found.
 */
export function unitsOf(file: SourceFile, starts?: readonly number[]): RawUnit[] {
  if (isJsonFile(file)) {
    const tag = isDotJson(file) ? 'j' : 'f';
    return [{ file, span: null, tag, text: file.text, startDocument: 0 }];
  }
  const units: RawUnit[] = [];
  for (const span of segmentSpans(file.text, starts)) {
    if (span.hasContent) {
      const text = file.text.slice(span.start, span.end);
      units.push({ file, span, tag: 's', text, startDocument: span.index });
    }
  }
  return units;
}

/** Newlines in a unit's text. */
export function newlinesIn(unit: RawUnit): number {
  return countNewlines(unit.text, 0, unit.text.length);
}

/**
 * Gives every unit its start line: the newlines before it are those of the units before it in its
 * file (`newlines(index)`, cached or counted) plus those between them (markers, comment-only
 * documents), so the file is not scanned line by line.
 */
export function placeUnits(
  units: readonly RawUnit[],
  newlines: (index: number) => number,
): ParseUnit[] {
  let file: SourceFile | null = null;
  let line = 0;
  let at = 0;
  return units.map((unit, index) => {
    if (unit.file !== file) {
      file = unit.file;
      line = 0;
      at = 0;
    }
    const start = unit.span?.start ?? 0;
    line += countNewlines(unit.file.text, at, start);
    const { span, tag, text, startDocument } = unit;
    const placed: ParseUnit = { file: unit.file, span, tag, text, startDocument, startLine: line };
    line += newlines(index);
    at = start + unit.text.length;
    return placed;
  });
}

/** The document segment of a YAML unit, as splitDocuments gives it. */
export function segmentOf(unit: ParseUnit): DocumentSegment | null {
  return unit.span === null ? null : toSegment(unit.file.text, unit.span, unit.startLine);
}

/** About one run in 8 ends after a given unit (content-defined, so runs resynchronise after an edit). */
const RUN_END_BITS = 29;
const MAX_RUN_UNITS = 32;

function endsRun(text: string): boolean {
  return Math.imul(text.length, 0x9e3779b1) >>> RUN_END_BITS === 0;
}

/**
 * Groups a file's YAML units into runs whose boundaries depend on the units' texts only (not on
 * their positions): editing one document changes the key of its own run and leaves the others'
 * unchanged. A run's text is the span of the file from its first unit's start to its last unit's
 * end; the same span always cuts into the same units, as every unit starts just after a `---`
 * (or at the start of the file). Whole-file units form no run.
 */
export function unitRuns(units: readonly RawUnit[]): UnitRun[] {
  const runs: UnitRun[] = [];
  let first = 0;
  for (let index = 0; index < units.length; index += 1) {
    const unit = units[index];
    const next = units[index + 1];
    const last =
      unit === undefined ||
      next?.file !== unit.file ||
      unit.span === null ||
      endsRun(unit.text) ||
      index + 1 - first >= MAX_RUN_UNITS;
    if (last) {
      runs.push(runOf(units, first, index + 1));
      first = index + 1;
    }
  }
  return runs;
}

function runOf(units: readonly RawUnit[], first: number, end: number): UnitRun {
  const head = units[first];
  const tail = units[end - 1];
  if (head === undefined || tail === undefined || head.span === null || tail.span === null) {
    return { first, end, text: head?.text ?? '' };
  }
  return { first, end, text: head.file.text.slice(head.span.start, tail.span.end) };
}
