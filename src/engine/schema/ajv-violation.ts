import type { ErrorObject } from 'ajv';
import { formatFieldPath, type PathSegment } from '../diff/field-path.js';
import { formatValue, jsonTypeName } from './format-value.js';
import type { SchemaViolation } from './schema-violation.js';

/** Errors raised inside a oneOf/anyOf/not branch only explain the combinator's own error. */
const INSIDE_BRANCH = /\/(?:oneOf|anyOf)\/\d+\/|\/not\//;

function childOf(node: unknown, key: string): unknown {
  if (Array.isArray(node)) {
    return node[Number(key)] as unknown;
  }
  return typeof node === 'object' && node !== null
    ? (node as Record<string, unknown>)[key]
    : undefined;
}

/** Turns ajv's JSON pointer into path segments, numbering only real array positions. */
function pointerToPath(root: unknown, pointer: string): { path: PathSegment[]; value: unknown } {
  const path: PathSegment[] = [];
  let node = root;
  for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path.push(Array.isArray(node) ? Number(key) : key);
    node = childOf(node, key);
  }
  return { path, value: node };
}

function param(error: ErrorObject, name: string): unknown {
  const params: Record<string, unknown> = error.params;
  return params[name];
}

function limitPhrase(error: ErrorObject): string {
  const comparison = param(error, 'comparison');
  const limit = String(param(error, 'limit'));
  const words: Record<string, string> = {
    '>=': 'greater than or equal to',
    '>': 'greater than',
    '<=': 'less than or equal to',
    '<': 'less than',
  };
  return `should be ${words[String(comparison)] ?? String(comparison)} ${limit}`;
}

function typeNames(error: ErrorObject): string {
  const type = param(error, 'type');
  const names = Array.isArray(type) ? type.map(String) : String(type).split(',');
  return names.filter((name) => name !== 'null').join(',');
}

/**
 * YAML 1.2 reads an unquoted `fe80::` inside a flow sequence as a one-key mapping (`fe80:` with no
 * value) where go-yaml, and so kubectl, reads a string: say so when a string was expected.
 */
function yamlHint(error: ErrorObject, value: unknown): string {
  if (
    error.keyword !== 'type' ||
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value)
  ) {
    return '';
  }
  const keys = Object.keys(value);
  const only = keys[0];
  const isLoneKey =
    keys.length === 1 && only !== undefined && (value as Record<string, unknown>)[only] === null;
  return isLoneKey && typeNames(error).includes('string')
    ? ` (YAML read the unquoted ${JSON.stringify(`${only}:`)} in a flow collection as a key: quote the value)`
    : '';
}

/** `shown` is the value as it may be printed (redacted for Secrets). */
type DetailFormatter = (error: ErrorObject, field: string, value: unknown, shown: string) => string;

const limitOf = (error: ErrorObject): string => String(param(error, 'limit'));
const bound: DetailFormatter = (error, field) => `${field} in body ${limitPhrase(error)}`;

/** The go-openapi sentences ("<path> in body should ...") of keywords reported as Invalid value. */
const DETAILS: Readonly<Record<string, DetailFormatter>> = {
  type: (error, field, value) =>
    `${field} in body must be of type ${typeNames(error)}: "${jsonTypeName(value)}"${yamlHint(error, value)}`,
  minLength: (error, field) => `${field} in body should be at least ${limitOf(error)} chars long`,
  pattern: (error, field) => `${field} in body should match '${String(param(error, 'pattern'))}'`,
  minimum: bound,
  maximum: bound,
  exclusiveMinimum: bound,
  exclusiveMaximum: bound,
  minItems: (error, field) => `${field} in body should have at least ${limitOf(error)} items`,
  minProperties: (error, field) =>
    `${field} in body should have at least ${limitOf(error)} properties`,
  oneOf: (_error, field) => `${field} in body must validate one and only one schema (oneOf)`,
  anyOf: (_error, field) => `${field} in body must validate at least one schema (anyOf)`,
  not: (_error, field) => `${field} in body must not validate the schema (not)`,
  format: (error, field, _value, shown) =>
    `${field} in body must be of type ${String(param(error, 'format'))}: ${shown}`,
};

function detail(error: ErrorObject, field: string, value: unknown, shown: string): string {
  const formatter = DETAILS[error.keyword];
  return formatter === undefined
    ? `${field} ${error.message ?? 'is invalid'}`
    : formatter(error, field, value, shown);
}

function sizeOf(value: unknown): number {
  if (Array.isArray(value)) {
    return value.length;
  }
  return typeof value === 'object' && value !== null ? Object.keys(value).length : 0;
}

function toViolation(error: ErrorObject, root: unknown, redact: boolean): SchemaViolation {
  const { path, value } = pointerToPath(root, error.instancePath);
  const field = formatFieldPath(path);
  const limit = String(param(error, 'limit'));
  switch (error.keyword) {
    case 'required': {
      const full = [...path, String(param(error, 'missingProperty'))];
      return { path: full, message: `${formatFieldPath(full)}: Required value` };
    }
    case 'additionalProperties': {
      const full = [...path, String(param(error, 'additionalProperty'))];
      return { path: full, message: `unknown field "${formatFieldPath(full)}"` };
    }
    case 'enum': {
      const allowed = param(error, 'allowedValues');
      const list = Array.isArray(allowed)
        ? allowed.map((item) => JSON.stringify(item)).join(', ')
        : '';
      const bad = formatValue(value, redact);
      return { path, message: `${field}: Unsupported value: ${bad}: supported values: ${list}` };
    }
    case 'maxLength':
      return { path, message: `${field}: Too long: may not be more than ${limit} bytes` };
    case 'maxItems':
    case 'maxProperties':
      return {
        path,
        message: `${field}: Too many: ${sizeOf(value)}: must have at most ${limit} items`,
      };
    default: {
      const shown = formatValue(value, redact);
      const isCount = error.keyword.endsWith('Items') || error.keyword.endsWith('Properties');
      const bad = isCount ? String(sizeOf(value)) : shown;
      return {
        path,
        message: `${field}: Invalid value: ${bad}: ${detail(error, field, value, shown)}`,
      };
    }
  }
}

/** Keywords after which the API server does not run CEL rules (hasBlockingErr: type and enum). */
const BLOCKING = new Set(['type', 'enum']);

export interface AjvViolations {
  readonly violations: SchemaViolation[];
  /** A type or enum error: the API server then skips the CEL rules. */
  readonly isBlocking: boolean;
}

/**
 * Converts ajv's errors to violations worded like the API server's field errors. Errors inside
 * oneOf/anyOf/not branches are dropped (the combinator's own error stands for them). When a field
 * is unknown only unknown fields are reported: strict decoding fails before validation runs.
 */
export function ajvViolations(
  errors: readonly ErrorObject[],
  root: unknown,
  redact: boolean,
): AjvViolations {
  const relevant = errors.filter((error) => !INSIDE_BRANCH.test(error.schemaPath));
  const unknownFields = relevant.filter((error) => error.keyword === 'additionalProperties');
  const chosen = unknownFields.length > 0 ? unknownFields : relevant.length > 0 ? relevant : errors;
  return {
    violations: chosen.map((error) => toViolation(error, root, redact)),
    isBlocking: unknownFields.length > 0 || chosen.some((error) => BLOCKING.has(error.keyword)),
  };
}
