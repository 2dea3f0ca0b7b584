import { isJsonObject, type JsonObject, type JsonValue } from '../model/json.js';

/** String formats we check, as the API server does; numeric formats (int32, double...) are hints only. */
export const CHECKED_FORMATS: ReadonlySet<string> = new Set(['byte', 'date-time', 'date']);

const SCHEMA_LISTS = ['oneOf', 'anyOf', 'allOf'] as const;

function withNull(type: JsonValue | undefined): JsonValue {
  if (Array.isArray(type)) {
    return [...type, 'null'];
  }
  return typeof type === 'string' ? [type, 'null'] : ['null'];
}

/** Copies the plain JSON-schema keywords, dropping the Kubernetes extensions and unchecked formats. */
function copyKeywords(node: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-kubernetes-') || key === 'nullable') {
      continue;
    }
    if (key === 'format' && !(typeof value === 'string' && CHECKED_FORMATS.has(value))) {
      continue;
    }
    out[key] = value;
  }
  return out;
}

function convertChildren(node: JsonObject, out: JsonObject, structural: boolean): void {
  const properties = node['properties'];
  if (isJsonObject(properties)) {
    out['properties'] = Object.fromEntries(
      Object.entries(properties).map(([name, sub]) => [name, convert(sub, structural)]),
    );
  }
  const additional = node['additionalProperties'];
  if (isJsonObject(additional)) {
    out['additionalProperties'] = convert(additional, structural);
  }
  const items = node['items'];
  if (isJsonObject(items)) {
    out['items'] = convert(items, structural);
  }
  for (const list of SCHEMA_LISTS) {
    const branches = node[list];
    if (Array.isArray(branches)) {
      out[list] = branches.map((branch) => convert(branch, false));
    }
  }
  const not = node['not'];
  if (isJsonObject(not)) {
    out['not'] = convert(not, false);
  }
}

/**
 * Translates one node of a Kubernetes structural schema into plain JSON schema for ajv:
 * - `x-kubernetes-int-or-string` becomes `type: [integer, string]` (its anyOf is dropped);
 * - `nullable: true` adds `null` to the type;
 * - unknown fields are errors, as with kubectl's default server-side field validation (Strict):
 *   an object node gets `additionalProperties: false` unless it declares additionalProperties or
 *   `x-kubernetes-preserve-unknown-fields`. Nodes inside oneOf/anyOf/allOf/not are value
 *   constraints only (`structural` false) and never close an object.
 */
function convert(value: JsonValue, structural: boolean): JsonValue {
  if (!isJsonObject(value)) {
    return value;
  }
  const out = copyKeywords(value);
  convertChildren(value, out, structural);
  if (value['x-kubernetes-int-or-string'] === true) {
    delete out['anyOf'];
    out['type'] = ['integer', 'string'];
  }
  if (value['nullable'] === true) {
    out['type'] = withNull(out['type']);
  }
  const isObject = value['type'] === 'object' || isJsonObject(value['properties']);
  const isOpen =
    value['additionalProperties'] !== undefined ||
    value['x-kubernetes-preserve-unknown-fields'] === true;
  if (structural && isObject && !isOpen) {
    out['additionalProperties'] = false;
  }
  return out;
}

/**
 * The ajv schema of a whole custom resource: the CRD's openAPIV3Schema plus the fields every
 * object has (apiVersion, kind, metadata; metadata is checked by validate-metadata.ts).
 */
export function toAjvSchema(openApiV3Schema: JsonObject): JsonObject {
  const converted = convert(openApiV3Schema, true);
  const root = isJsonObject(converted) ? converted : {};
  const properties = isJsonObject(root['properties']) ? root['properties'] : {};
  return {
    ...root,
    type: 'object',
    properties: {
      ...properties,
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'object' },
    },
  };
}
