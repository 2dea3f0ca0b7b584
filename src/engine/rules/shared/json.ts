/**
 * Read-only accessors over object bodies for rules: configuration problems are data, so a
 * missing or mistyped field reads as null / empty, never as an exception. The accessors are the
 * graph's own (one implementation for the whole engine); `hasKey` is the rules' addition.
 */
import type { JsonObject } from '../../model/json.js';

export {
  objectAt,
  pathObject,
  stringAt,
  numberAt,
  arrayAt,
  objectsAt,
  stringsAt,
  stringMapAt,
} from '../../graph/util/json.js';
export { pushTo } from '../../graph/util/compare.js';

/** True when the key is present with a non-null value. */
export function hasKey(source: JsonObject | null, key: string): boolean {
  return source !== null && Object.hasOwn(source, key) && source[key] !== null;
}
