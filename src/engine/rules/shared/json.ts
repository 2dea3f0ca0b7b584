import { isJsonObject, type JsonObject, type JsonValue } from '../../model/json.js';

/**
 * Read-only accessors over object bodies for rules: configuration problems are data, so a
 * missing or mistyped field reads as null / empty, never as an exception.
 */

export function objectAt(source: JsonObject | null, key: string): JsonObject | null {
  const value = source?.[key];
  return value !== undefined && isJsonObject(value) ? value : null;
}

/** Follows a path of object keys; null as soon as one step is missing or not an object. */
export function pathObject(
  source: JsonObject | null,
  ...keys: readonly string[]
): JsonObject | null {
  let current = source;
  for (const key of keys) {
    current = objectAt(current, key);
  }
  return current;
}

export function stringAt(source: JsonObject | null, key: string): string | null {
  const value = source?.[key];
  if (typeof value === 'string') {
    return value;
  }
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
}

export function numberAt(source: JsonObject | null, key: string): number | null {
  const value = source?.[key];
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) {
    return Number(value);
  }
  return null;
}

export function arrayAt(source: JsonObject | null, key: string): readonly JsonValue[] {
  const value = source?.[key];
  return Array.isArray(value) ? value : [];
}

export function objectsAt(source: JsonObject | null, key: string): readonly JsonObject[] {
  return arrayAt(source, key).filter(isJsonObject);
}

export function stringsAt(source: JsonObject | null, key: string): readonly string[] {
  return arrayAt(source, key).filter((v): v is string => typeof v === 'string');
}

/** A map of strings (labels, selectors); other scalars are stringified as Kubernetes does. */
export function stringMapAt(
  source: JsonObject | null,
  key: string,
): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(objectAt(source, key) ?? {})) {
    if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') {
      out[name] = String(raw);
    }
  }
  return out;
}

/** True when the key is present with a non-null value. */
export function hasKey(source: JsonObject | null, key: string): boolean {
  return source !== null && Object.hasOwn(source, key) && source[key] !== null;
}

/** Appends to a list stored in a Map, creating it on first use. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) {
    map.set(key, [value]);
  } else {
    list.push(value);
  }
}
