/**
 * One YAML document of a multi-document file, cut at its `---` / `...` markers. Parsing each
 * segment on its own (instead of js-yaml's loadAll) gives every document its line offset for free,
 * and lets the error path re-parse only the offending document.
 */
export interface DocumentSegment {
  /** 0-based document index, counted as js-yaml's loadAll counts (empty documents included). */
  readonly index: number;
  /** Text from just after the document's `---` marker (or the start of file) to its end. */
  readonly text: string;
  /** 0-based file line of the first character of `text`. */
  readonly lineOffset: number;
  /** Characters of the marker line before `text` starts (3 after `---`, else 0). */
  readonly columnOffset: number;
  /** 1-based file line of the first line with content; null for empty or comment-only documents. */
  readonly contentLine: number | null;
  /** Offset of `text` in the file (set by splitDocuments; a whole-file segment starts at 0). */
  readonly start?: number;
}

interface Marker {
  readonly position: number;
  readonly end: boolean;
}

/**
 * Positions of `token` at the start of a line, followed by a blank, a line break or the end; the
 * first `limit` of them.
 */
function findToken(text: string, token: string, limit = Infinity): number[] {
  const found: number[] = [];
  // Searching the token itself (not `\n` + token) skips the line breaks: about twice as fast.
  for (
    let at = text.indexOf(token);
    at >= 0 && found.length < limit;
    at = text.indexOf(token, at + 1)
  ) {
    const next = text.charCodeAt(at + 3);
    const atLineStart = at === 0 || text.charCodeAt(at - 1) === 10;
    if (
      atLineStart &&
      (Number.isNaN(next) || next === 32 || next === 9 || next === 10 || next === 13)
    ) {
      found.push(at);
      at += 2;
    }
  }
  return found;
}

/**
 * Offsets of the `---` lines that open documents (at the start of a line, followed by a blank, a
 * line break or the end), the first `limit` of them.
 */
export function documentStarts(text: string, limit = Infinity): number[] {
  return findToken(text, '---', limit);
}

/** Finds `---` (`starts`, all of them) and `...` at the start of a line. */
function findMarkers(text: string, starts: readonly number[]): Marker[] {
  const ends = findToken(text, '...');
  const markers: Marker[] = [];
  let i = 0;
  let j = 0;
  while (i < starts.length || j < ends.length) {
    const start = starts[i] ?? Infinity;
    const end = ends[j] ?? Infinity;
    if (start < end) {
      markers.push({ position: start, end: false });
      i += 1;
    } else {
      markers.push({ position: end, end: true });
      j += 1;
    }
  }
  return markers;
}

/** 1-based line of the first line of `text[from, to)` that is neither blank nor a comment. */
function firstContentLine(
  text: string,
  from: number,
  to: number,
  lineOffset: number,
): number | null {
  let line = lineOffset;
  let start = from;
  while (start < to) {
    // Fast paths, no slice: an empty line (the rest of a `---` line, mostly), or a line opening
    // with a printable ASCII character other than `#` and `%` (trim could not change that).
    const first = text.charCodeAt(start);
    if (first === 10) {
      line += 1;
      start += 1;
      continue;
    }
    if (first > 32 && first < 127 && first !== 35 && first !== 37) {
      return line + 1;
    }
    const newline = text.indexOf('\n', start);
    const stop = newline < 0 || newline > to ? to : newline;
    const content = text.slice(start, stop).trim();
    if (content !== '' && !content.startsWith('#') && !content.startsWith('%')) {
      return line + 1;
    }
    line += 1;
    start = stop + 1;
  }
  return null;
}

function countLines(text: string, from: number, to: number): number {
  let count = 0;
  let at = text.indexOf('\n', from);
  while (at >= 0 && at < to) {
    count += 1;
    at = text.indexOf('\n', at + 1);
  }
  return count;
}

/** A document's place in its file, without line numbers (counting lines is the costly part). */
export interface SegmentSpan {
  /** 0-based document index, counted as js-yaml's loadAll counts (empty documents included). */
  readonly index: number;
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  readonly columnOffset: number;
  /** False for empty and comment-only documents. */
  readonly hasContent: boolean;
}

/**
 * Cuts a file into documents with js-yaml's counting rules: text before the first `---` (or after
 * a `...`) is a document only when it holds something other than blanks, comments and directives,
 * or when it is the whole file; every `---` opens a document, even an empty one.
 */
export function segmentSpans(
  text: string,
  starts: readonly number[] = documentStarts(text),
): SegmentSpan[] {
  const spans: SegmentSpan[] = [];
  let start = 0;
  let columnOffset = 0;
  let explicit = false;
  const close = (end: number, followedByStart: boolean): void => {
    const hasContent = firstContentLine(text, start, end, 0) !== null;
    if (explicit || hasContent || (start === 0 && end > 0 && !followedByStart)) {
      spans.push({ index: spans.length, start, end, columnOffset, hasContent });
    }
  };
  for (const marker of findMarkers(text, starts)) {
    close(marker.position, !marker.end);
    const lineEnd = text.indexOf('\n', marker.position);
    start = marker.end ? (lineEnd < 0 ? text.length : lineEnd + 1) : marker.position + 3;
    columnOffset = marker.end ? 0 : 3;
    explicit = !marker.end;
  }
  close(text.length, false);
  return spans;
}

/** Newlines in `text[from, to)`. */
export function countNewlines(text: string, from: number, to: number): number {
  return countLines(text, from, to);
}

/** The segment of a span, given its line offset (the newlines before `span.start`). */
export function toSegment(text: string, span: SegmentSpan, lineOffset: number): DocumentSegment {
  const { index, start, end, columnOffset } = span;
  const contentLine = span.hasContent ? firstContentLine(text, start, end, lineOffset) : null;
  return { index, text: text.slice(start, end), lineOffset, columnOffset, contentLine, start };
}

/** The documents of a file (segmentSpans), with their line offsets and first content lines. */
export function splitDocuments(text: string): DocumentSegment[] {
  let lineOffset = 0;
  let at = 0;
  return segmentSpans(text).map((span) => {
    lineOffset += countLines(text, at, span.start);
    at = span.start;
    return toSegment(text, span, lineOffset);
  });
}
