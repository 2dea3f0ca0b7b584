import { isJsonObject, type JsonObject, type JsonValue } from '../model/json.js';
import type { Resource } from '../model/resource.js';
import { canonicalJson } from './canonical-json.js';
import { childPattern } from './field-path.js';
import { listItemKey } from './list-alignment.js';
import { normalizeForDiff } from './normalize-resource.js';
import { orderInsensitiveKey } from './order-insensitive-paths.js';
import type { DiffOptions } from './resource-change.js';

/**
 * `value` (found at path `pattern` of a `kind` object) with every order-insensitive list below it
 * sorted by key, then content.
 */
export function sortOrderInsensitive(kind: string, value: JsonValue, pattern: string): JsonValue {
  if (Array.isArray(value)) {
    const items = value.map((item) => sortOrderInsensitive(kind, item, childPattern(pattern, 0)));
    const keyName = orderInsensitiveKey(kind, pattern);
    if (keyName === undefined) {
      return items;
    }
    const sortKey = (item: JsonValue): string =>
      `${listItemKey(keyName, item)}\u0000${canonicalJson(item)}`;
    const keyed = items.map((item) => ({ item, key: sortKey(item) }));
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return keyed.map((entry) => entry.item);
  }
  if (isJsonObject(value)) {
    const out: JsonObject = {};
    for (const [key, child] of Object.entries(value)) {
      out[key] = sortOrderInsensitive(kind, child, childPattern(pattern, key));
    }
    return out;
  }
  return value;
}

/**
 * The semantic content of an object as one string: `normalizeForDiff` with order-insensitive
 * lists sorted (by key, then content), serialised with sorted keys. Two objects with the same key
 * have no field changes exactly when their canonical forms are equal, so this also serves as a
 * semantic content hash.
 */
export function canonicalForm(resource: Resource, options: DiffOptions = {}): string {
  return canonicalJson(
    sortOrderInsensitive(resource.key.kind, normalizeForDiff(resource, options), ''),
  );
}
