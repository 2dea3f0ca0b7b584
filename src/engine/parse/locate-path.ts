import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { PathSegment } from '../diff/field-path.js';
import { segmentToFilePosition, type FilePosition } from './input-error-factory.js';
import type { DocumentSegment } from './split-documents.js';

interface Step {
  readonly node: unknown;
  /** Offset to report for this step: the mapping key for a field, the item for an index. */
  readonly offset: number | null;
}

function offsetOf(node: unknown): number | null {
  if (typeof node === 'object' && node !== null && 'range' in node && Array.isArray(node.range)) {
    const start: unknown = node.range[0];
    return typeof start === 'number' ? start : null;
  }
  return null;
}

function keyMatches(key: unknown, segment: PathSegment): boolean {
  return isScalar(key) && String(key.value) === String(segment);
}

function stepInto(doc: Document, parent: unknown, segment: PathSegment): Step | null {
  const node = isAlias(parent) ? parent.resolve(doc) : parent;
  if (isMap(node)) {
    const pair = node.items.find((item) => keyMatches(item.key, segment));
    return pair === undefined ? null : { node: pair.value, offset: offsetOf(pair.key) };
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item: unknown = node.items[segment];
    return item === undefined ? null : { node: item, offset: offsetOf(item) };
  }
  return null;
}

/**
 * Finds where a field path points inside one document, for error messages. This runs only on the
 * error path: it re-parses the offending document with the `yaml` package, which keeps source
 * ranges (js-yaml, used on the fast path, does not). When the path leads to a field that is
 * missing (a "Required value"), the deepest existing ancestor is reported.
 */
export function locatePath(
  segment: DocumentSegment,
  path: readonly PathSegment[],
): FilePosition | null {
  const lineCounter = new LineCounter();
  const doc = parseDocument(segment.text, { lineCounter, uniqueKeys: false });
  let node: unknown = doc.contents;
  let offset = offsetOf(node);
  for (const segmentKey of path) {
    const step = stepInto(doc, node, segmentKey);
    if (step === null) {
      break;
    }
    node = step.node;
    offset = step.offset ?? offset;
  }
  if (offset === null) {
    return null;
  }
  const position = lineCounter.linePos(offset);
  return segmentToFilePosition(segment, position.line - 1, position.col - 1);
}
