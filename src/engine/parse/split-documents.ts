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
}

interface Marker {
  readonly position: number;
  readonly end: boolean;
}

/** Finds `---` and `...` at the start of a line, followed by a blank, a line break or the end. */
function findMarkers(text: string): Marker[] {
  const markers: Marker[] = [];
  for (const [token, end] of [
    ['---', false],
    ['...', true],
  ] as const) {
    let at = text.startsWith(token) ? 0 : text.indexOf(`\n${token}`);
    while (at >= 0) {
      const position = text.startsWith(token, at) ? at : at + 1;
      const next = text.charCodeAt(position + 3);
      if (Number.isNaN(next) || next === 32 || next === 9 || next === 10 || next === 13) {
        markers.push({ position, end });
      }
      at = text.indexOf(`\n${token}`, position + 3);
    }
  }
  return markers.sort((a, b) => a.position - b.position);
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

/**
 * Cuts a file into documents with js-yaml's counting rules: text before the first `---` (or after
 * a `...`) is a document only when it holds something other than blanks, comments and directives,
 * or when it is the whole file; every `---` opens a document, even an empty one.
 */
export function splitDocuments(text: string): DocumentSegment[] {
  const segments: DocumentSegment[] = [];
  let start = 0;
  let lineOffset = 0;
  let columnOffset = 0;
  let explicit = false;
  const close = (stop: number, followedByStart: boolean): void => {
    const contentLine = firstContentLine(text, start, stop, lineOffset);
    const isBareComment = !explicit && contentLine === null;
    if (!isBareComment || (start === 0 && stop > 0 && !followedByStart)) {
      const segmentText = text.slice(start, stop);
      segments.push({
        index: segments.length,
        text: segmentText,
        lineOffset,
        columnOffset,
        contentLine,
      });
    }
  };
  for (const marker of findMarkers(text)) {
    close(marker.position, !marker.end);
    lineOffset += countLines(text, start, marker.position);
    const lineEnd = text.indexOf('\n', marker.position);
    start = marker.end ? (lineEnd < 0 ? text.length : lineEnd + 1) : marker.position + 3;
    lineOffset += marker.end && lineEnd >= 0 ? 1 : 0;
    columnOffset = marker.end ? 0 : 3;
    explicit = !marker.end;
  }
  close(text.length, false);
  return segments;
}
