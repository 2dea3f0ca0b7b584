import { isJsonObject, type JsonObject, type JsonValue } from '../model/json.js';

/** JSON text with object keys sorted: equal values give equal strings, whatever the key order. */
export function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (isJsonObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] as JsonValue)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function arraysEqual(a: readonly JsonValue[], b: readonly JsonValue[]): boolean {
  if (a.length !== b.length) {
    return false;
  }
  for (let i = 0; i < a.length; i += 1) {
    if (!jsonEqual(a[i], b[i])) {
      return false;
    }
  }
  return true;
}

function objectsEqual(a: JsonObject, b: JsonObject): boolean {
  // for…in rather than Object.keys: no allocation on the hot path (every unchanged pair).
  let count = 0;
  for (const key in a) {
    count += 1;
    if (!Object.hasOwn(b, key) || !jsonEqual(a[key], b[key])) {
      return false;
    }
  }
  for (const key in b) {
    if (Object.hasOwn(b, key)) {
      count -= 1;
    }
  }
  return count === 0;
}

/**
 * Structural equality, key order ignored, no allocation: the cheap precheck run on every object
 * pair before any normalisation. `undefined` (absent) equals only `undefined`.
 */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) {
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return false;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && arraysEqual(a, b);
  }
  return objectsEqual(a, b);
}
