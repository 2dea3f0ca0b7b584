import { isJsonObject, type JsonObject, type JsonValue } from '../model/json.js';

/**
 * Deep copy of a JSON value. Object properties whose value is `null` are dropped: Kubernetes and
 * protobuf-JSON treat an explicit `null` as "unset" (`labels:` with nothing after it).
 */
export function cloneWithoutNulls(value: JsonValue): JsonValue {
  if (Array.isArray(value)) {
    return value.map(cloneWithoutNulls);
  }
  if (isJsonObject(value)) {
    const out: JsonObject = {};
    for (const [key, child] of Object.entries(value)) {
      if (child !== null) {
        out[key] = cloneWithoutNulls(child);
      }
    }
    return out;
  }
  return value;
}

/**
 * Every object reached from `root` by `path`, where `[]` steps into each element of an array:
 * `objectsAt(spec, ['http', '[]', 'route', '[]', 'destination'])`. Missing steps yield nothing.
 */
export function objectsAt(root: JsonValue | undefined, path: readonly string[]): JsonObject[] {
  let current: JsonValue[] = root === undefined ? [] : [root];
  for (const step of path) {
    const next: JsonValue[] = [];
    for (const value of current) {
      if (step === '[]') {
        if (Array.isArray(value)) {
          next.push(...value);
        }
      } else if (isJsonObject(value) && value[step] !== undefined) {
        next.push(value[step]);
      }
    }
    current = next;
  }
  return current.filter(isJsonObject);
}

/** Replaces `holder[key]` when it is a string. */
export function mapStringField(
  holder: JsonObject,
  key: string,
  map: (value: string) => string,
): void {
  const value = holder[key];
  if (typeof value === 'string') {
    holder[key] = map(value);
  }
}

/** Replaces every string element of the array `holder[key]`, in place (indices preserved). */
export function mapStringList(
  holder: JsonObject,
  key: string,
  map: (value: string) => string,
): void {
  const list = holder[key];
  if (Array.isArray(list)) {
    holder[key] = list.map((item) => (typeof item === 'string' ? map(item) : item));
  }
}

/** Removes a property (the one place the normalisers delete keys). */
export function deleteKey(holder: JsonObject, key: string): void {
  Reflect.deleteProperty(holder, key);
}

/** Deletes `holder[key]` when it equals the scalar default `value`. */
export function dropDefault(holder: JsonObject, key: string, value: string | number): void {
  if (holder[key] === value) {
    deleteKey(holder, key);
  }
}
