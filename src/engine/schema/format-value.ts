/**
 * Prints a bad value in an error message as Kubernetes' field.Error does (`%q` for strings, plain
 * numbers and booleans, `null`), but objects and arrays only by their type, so a message never
 * echoes a large (or secret) subtree. With `redact` no value is printed at all (Secret data).
 */
export function formatValue(value: unknown, redact: boolean): string {
  if (redact) {
    return '"<redacted>"';
  }
  if (value === null || value === undefined) {
    return '"null"';
  }
  if (typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return Array.isArray(value) ? '"array"' : '"object"';
}

/** The JSON type name go-openapi reports for a value (`must be of type object: "null"`). */
export function jsonTypeName(value: unknown): string {
  if (value === null || value === undefined) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'array';
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'integer' : 'number';
  }
  return typeof value;
}
