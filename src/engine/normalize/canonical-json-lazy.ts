import type { JsonObject, JsonValue } from '../model/json.js';
import { canonicalJson } from './canonical-json.js';
import { setOwnProperty } from './set-own-property.js';

/** V8 enumerates integer-like keys first, in numeric order, whatever the insertion order. */
function isIndexKey(key: string): boolean {
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57 && /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4294967295;
}

interface LazyState {
  hasIndexKey: boolean;
}

function arrayCopy(value: readonly JsonValue[], state: LazyState): readonly JsonValue[] {
  let out: JsonValue[] | null = null;
  for (let index = 0; index < value.length; index += 1) {
    const item = value[index] ?? null;
    const copy = sortedOrSame(item, state);
    if (copy !== item && out === null) {
      out = value.slice(0, index);
    }
    out?.push(copy);
  }
  return out ?? value;
}

function objectCopy(value: JsonObject, state: LazyState): JsonObject {
  const keys = Object.keys(value);
  const children = new Array<JsonValue | undefined>(keys.length);
  let changed = false;
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index] ?? '';
    state.hasIndexKey ||= isIndexKey(key);
    const member = value[key];
    const copy = member === undefined ? undefined : sortedOrSame(member, state);
    children[index] = copy;
    changed ||= copy !== member || (index > 0 && (keys[index - 1] ?? '') > key);
  }
  return changed ? sortedObject(keys, children) : value;
}

/** A new object with the keys in code-unit order. */
function sortedObject(keys: readonly string[], children: readonly (JsonValue | undefined)[]) {
  const order = keys.map((_, index) => index);
  order.sort((a, b) => ((keys[a] ?? '') < (keys[b] ?? '') ? -1 : 1));
  const out: JsonObject = {};
  for (const index of order) {
    const member = children[index];
    if (member !== undefined) {
      setOwnProperty(out, keys[index] ?? '', member);
    }
  }
  return out;
}

/** `value` itself when every object in it already has its keys in order, else a sorted copy. */
function sortedOrSame(value: JsonValue, state: LazyState): JsonValue {
  if (value === null || typeof value !== 'object') {
    return value;
  }
  return Array.isArray(value) ? (arrayCopy(value, state) as JsonValue[]) : objectCopy(value, state);
}

/**
 * Exactly canonicalJson's text (canonical-json.ts), faster: objects whose keys are already in
 * order, with subtrees that need no change, are printed as they are instead of being copied
 * (small objects, single-key ones, and whole subtrees often are). Values holding an integer-like
 * key take canonicalJson's JavaScript serializer, as there.
 */
export function canonicalJsonOf(value: JsonValue): string {
  const state: LazyState = { hasIndexKey: false };
  const copy = sortedOrSame(value, state);
  return state.hasIndexKey ? canonicalJson(value) : JSON.stringify(copy);
}
