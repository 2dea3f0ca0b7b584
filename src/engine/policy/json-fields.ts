import { isJsonObject, type JsonObject, type JsonValue } from '../model/json.js';

/** Typed reads of optional fields of a JSON object (YAML documents are untyped at this point). */
export function fieldObject(obj: JsonObject | undefined, key: string): JsonObject | undefined {
  const value = obj?.[key];
  return isJsonObject(value) ? value : undefined;
}

export function fieldString(obj: JsonObject | undefined, key: string): string | undefined {
  const value = obj?.[key];
  return typeof value === 'string' ? value : undefined;
}

export function fieldArray(obj: JsonObject | undefined, key: string): readonly JsonValue[] {
  const value = obj?.[key];
  return Array.isArray(value) ? value : [];
}

/** Strings and numbers of a list, as strings (YAML may give `ports: [80]` or `["80"]`). */
export function fieldStringList(obj: JsonObject | undefined, key: string): readonly string[] {
  const out: string[] = [];
  for (const item of fieldArray(obj, key)) {
    if (typeof item === 'string') {
      out.push(item);
    } else if (typeof item === 'number') {
      out.push(String(item));
    }
  }
  return out;
}

/** A `map<string,string>` field (labels, matchLabels); scalar values are stringified. */
export function fieldStringMap(
  obj: JsonObject | undefined,
  key: string,
): Readonly<Record<string, string>> | undefined {
  const value = fieldObject(obj, key);
  if (value === undefined) {
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      out[k] = String(v);
    }
  }
  return out;
}
