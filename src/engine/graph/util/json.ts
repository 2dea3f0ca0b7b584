import { isJsonObject, type JsonObject, type JsonValue } from '../../model/json.js';

/** Read-only accessors over parsed documents: config problems are data, never exceptions. */

export function asObject(value: JsonValue | undefined): JsonObject | null {
  return value !== undefined && isJsonObject(value) ? value : null;
}

export function objectAt(source: JsonObject | null, key: string): JsonObject | null {
  return source === null ? null : asObject(source[key]);
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
  const out: string[] = [];
  for (const value of arrayAt(source, key)) {
    if (typeof value === 'string') {
      out.push(value);
    }
  }
  return out;
}

/** A map of strings (labels, selectors); non-string scalars are stringified as Kubernetes would. */
export function stringMapAt(
  source: JsonObject | null,
  key: string,
): Readonly<Record<string, string>> {
  const value = objectAt(source, key);
  const out: Record<string, string> = {};
  if (value === null) {
    return out;
  }
  for (const [name, raw] of Object.entries(value)) {
    if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') {
      out[name] = String(raw);
    }
  }
  return out;
}
