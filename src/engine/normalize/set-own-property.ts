import type { JsonObject, JsonValue } from '../model/json.js';

/**
 * `object[key] = value`, except that a `__proto__` key (legal in YAML and JSON, and kept by
 * js-yaml as an own property) becomes an own property instead of replacing the prototype.
 */
export function setOwnProperty(object: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    object[key] = value;
  }
}
