import { isJsonObject, type JsonObject, type JsonValue } from '../../../model/json.js';

function isEmpty(value: JsonValue): boolean {
  if (value === null || value === false || value === '' || value === 0) {
    return true;
  }
  if (Array.isArray(value)) {
    return value.length === 0;
  }
  return isJsonObject(value) && Object.keys(value).length === 0;
}

function canonical(value: JsonValue): JsonValue {
  if (Array.isArray(value)) {
    return value.map(canonical);
  }
  if (!isJsonObject(value)) {
    return value;
  }
  const out: JsonObject = {};
  for (const key of Object.keys(value).sort()) {
    const v = canonical(value[key] ?? null);
    if (!isEmpty(v)) {
      out[key] = v;
    }
  }
  return out;
}

/**
 * `asJSON` of the validation code: a match's routing content, ignoring its `name` and fields left
 * at their zero value (proto JSON omits them), so equal matches compare equal.
 */
export function matchIdentity(match: JsonObject, dropName: boolean): string {
  const copy: JsonObject = { ...match };
  if (dropName) {
    delete copy['name'];
  }
  return JSON.stringify(canonical(copy));
}

/** `routeName`: an HTTP route's quoted name, else `#<index>`. */
export function routeLabel(route: JsonObject, index: number, isHttp: boolean): string {
  const name = route['name'];
  return isHttp && typeof name === 'string' && name !== '' ? JSON.stringify(name) : `#${index}`;
}

/** `requestName`: an HTTP match's quoted name, else `#<index>`. */
export function matchLabel(match: JsonObject, index: number, isHttp: boolean): string {
  const name = match['name'];
  return isHttp && typeof name === 'string' && name !== '' ? JSON.stringify(name) : `#${index}`;
}
