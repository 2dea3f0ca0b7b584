import type { PathSegment } from '../diff/field-path.js';

/**
 * Text that can hold a number JSON or a float64 cannot carry exactly: a run of 16+ digits (an
 * integer beyond 2^53 needs 16), or an exponent of three digits (`1e400` is Infinity for
 * JSON.parse). Only texts that match are walked, so ordinary documents pay one regex test.
 */
const SUSPICIOUS_NUMBER_TEXT = /\d{16}|\d[eE][+-]?\d{3}/;

/** Why a number is refused, or null when it is fine. */
export function absurdNumberReason(value: number): string | null {
  if (!Number.isFinite(value)) {
    return Number.isNaN(value) ? 'not a number' : 'a number out of range (it reads as infinity)';
  }
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
    return `the number ${String(value)} cannot be stored exactly (beyond ±2^53)`;
  }
  return null;
}

/** Walks each distinct node once: js-yaml shares aliased nodes, so a plain walk could explode. */
function locateAbsurd(node: unknown, path: PathSegment[], seen: WeakSet<object>): string | null {
  if (typeof node === 'number') {
    return absurdNumberReason(node);
  }
  if (typeof node !== 'object' || node === null || seen.has(node)) {
    return null;
  }
  seen.add(node);
  const entries: [PathSegment, unknown][] = Array.isArray(node)
    ? (node as unknown[]).map((item, index): [PathSegment, unknown] => [index, item])
    : Object.entries(node);
  for (const [key, child] of entries) {
    path.push(key);
    const reason = locateAbsurd(child, path, seen);
    if (reason !== null) {
      return reason;
    }
    path.pop();
  }
  return null;
}

export interface AbsurdNumber {
  readonly path: readonly PathSegment[];
  readonly reason: string;
}

/**
 * The first number in a parsed document that the store could not keep as written: infinities
 * (JSON.parse turns `1e400` into Infinity, which JSON then writes as null) and integers beyond
 * 2^53 (silently rounded: `9007199254740993` would come back as `...992`). The API server keeps
 * int64 exactly, so storing a rounded value would misreport the config; refusing is honest.
 */
export function findAbsurdNumber(value: unknown, text: string): AbsurdNumber | null {
  if (!SUSPICIOUS_NUMBER_TEXT.test(text)) {
    return null;
  }
  const path: PathSegment[] = [];
  const reason = locateAbsurd(value, path, new WeakSet());
  return reason === null ? null : { path, reason };
}
