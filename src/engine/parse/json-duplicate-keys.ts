import type { PathSegment } from '../diff/field-path.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;

interface Frame {
  readonly keys: Set<string> | null; // null for an array
  expectKey: boolean;
  at: PathSegment;
}

export interface DuplicateJsonKey {
  /** Offset of the duplicate key's opening quote. */
  readonly offset: number;
  /** Path of the duplicate key itself (`metadata.labels.app`). */
  readonly path: readonly PathSegment[];
}

/** End offset (exclusive) of the string starting at `start` (its opening quote). */
function stringEnd(text: string, start: number): number {
  let at = start + 1;
  for (;;) {
    const code = text.charCodeAt(at);
    if (code === BACKSLASH) {
      at += 2;
    } else if (code === QUOTE) {
      return at + 1;
    } else {
      at += 1;
    }
  }
}

function decodeKey(raw: string): string {
  return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
}

function pathOf(frames: readonly Frame[]): PathSegment[] {
  return frames.slice(1).map((frame) => frame.at);
}

/** Updates the frames for a structural character. */
function onPunctuation(frames: Frame[], top: Frame, code: number): void {
  if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
    const isObject = code === OPEN_OBJECT;
    frames.push({ keys: isObject ? new Set() : null, expectKey: isObject, at: 0 });
  } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
    frames.pop();
  } else if (code === COMMA) {
    if (top.keys === null) {
      top.at = (top.at as number) + 1;
    } else {
      top.expectKey = true;
    }
  }
}

/** Records a key (a string where a key is expected); true when the object already had it. */
function isDuplicateKey(top: Frame, raw: string): boolean {
  if (top.keys === null || !top.expectKey) {
    return false;
  }
  const key = decodeKey(raw);
  if (top.keys.has(key)) {
    top.at = key;
    return true;
  }
  top.keys.add(key);
  top.at = key;
  top.expectKey = false;
  return false;
}

/**
 * Finds the first object key that appears twice in one object of a text JSON.parse has already
 * accepted (JSON.parse keeps the last silently; the Kubernetes API server's strict decoding
 * refuses duplicate fields, and YAML input is refused by js-yaml for the same reason). One pass
 * over the text; only keys are decoded.
 */
export function findDuplicateJsonKey(text: string): DuplicateJsonKey | null {
  const frames: Frame[] = [{ keys: null, expectKey: false, at: 0 }];
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    const top = frames[frames.length - 1];
    if (top === undefined) {
      return null;
    }
    if (code !== QUOTE) {
      onPunctuation(frames, top, code);
      continue;
    }
    const end = stringEnd(text, at);
    if (isDuplicateKey(top, text.slice(at, end))) {
      return { offset: at, path: pathOf(frames) };
    }
    at = end - 1;
  }
  return null;
}
