import { isJsonObject, type JsonObject, type JsonValue } from '../model/json.js';
import { formatFieldPath, type PathSegment } from '../diff/field-path.js';
import { formatValue } from './format-value.js';
import type { SchemaViolation } from './schema-violation.js';

/** How a kind's names are checked (k8s.io/apimachinery/pkg/api/validation, per kind's strategy). */
export type NameRule = 'subdomain' | 'label' | 'dns1035' | 'path-segment';

/** ObjectMeta's fields: anything else is an unknown field under Strict field validation. */
// prettier-ignore
const OBJECT_META_FIELDS: ReadonlySet<string> = new Set([
  'annotations', 'creationTimestamp', 'deletionGracePeriodSeconds', 'deletionTimestamp',
  'finalizers', 'generateName', 'generation', 'labels', 'managedFields', 'name', 'namespace',
  'ownerReferences', 'resourceVersion', 'selfLink', 'uid',
]);

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

const NAME_RULES: Record<
  NameRule,
  { readonly test: (name: string) => boolean; readonly text: string }
> = {
  subdomain: {
    test: (name) => name.length <= 253 && SUBDOMAIN.test(name),
    text: `a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (regex used for validation is '${SUBDOMAIN.source}')`,
  },
  label: {
    test: (name) => name.length <= 63 && LABEL.test(name),
    text: `a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (regex used for validation is '${LABEL.source}')`,
  },
  dns1035: {
    test: (name) => name.length <= 63 && DNS1035.test(name),
    text: `a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (regex used for validation is '${DNS1035.source}')`,
  },
  'path-segment': {
    test: (name) => name !== '.' && name !== '..' && !name.includes('/') && !name.includes('%'),
    text: `may not be '.' or '..' and may not contain '/' or '%'`,
  },
};

/** Label and annotation keys repeat across objects (`app`, `version`): remember the good ones. */
const knownGoodKeys = new Set<string>();

function isQualifiedName(key: string): boolean {
  if (knownGoodKeys.has(key)) {
    return true;
  }
  const slash = key.lastIndexOf('/');
  const name = slash < 0 ? key : key.slice(slash + 1);
  const prefix = slash < 0 ? null : key.slice(0, slash);
  const isPrefixValid = prefix === null || (prefix.length <= 253 && SUBDOMAIN.test(prefix));
  const isValid = isPrefixValid && name.length <= 63 && QUALIFIED_NAME.test(name);
  if (isValid && knownGoodKeys.size < 10_000) {
    knownGoodKeys.add(key);
  }
  return isValid;
}

function invalid(path: PathSegment[], value: JsonValue, detail: string): SchemaViolation {
  return {
    path,
    message: `${formatFieldPath(path)}: Invalid value: ${formatValue(value, false)}: ${detail}`,
  };
}

function checkStringMap(meta: JsonObject, field: 'labels' | 'annotations'): SchemaViolation | null {
  const map = meta[field];
  if (map === undefined || map === null) {
    return null;
  }
  if (!isJsonObject(map)) {
    return invalid(['metadata', field], map, `${field} must be a map of strings`);
  }
  for (const key in map) {
    const value = map[key] ?? null;
    if (!isQualifiedName(key)) {
      return invalid(
        ['metadata', field],
        key,
        `name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character, with an optional DNS subdomain prefix and '/'`,
      );
    }
    if (typeof value !== 'string') {
      return invalid(
        ['metadata', field, key],
        value,
        `${field} values must be strings (quote the value in YAML)`,
      );
    }
    if (field === 'labels' && !(value.length <= 63 && LABEL_VALUE.test(value))) {
      return invalid(
        ['metadata', field, key],
        value,
        `a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (regex used for validation is '${LABEL_VALUE.source}')`,
      );
    }
  }
  return null;
}

function checkNames(meta: JsonObject, nameRule: NameRule): SchemaViolation | null {
  const name = meta['name'];
  const rule = NAME_RULES[nameRule];
  if (typeof name === 'string' && !rule.test(name)) {
    return invalid(['metadata', 'name'], name, rule.text);
  }
  const namespace = meta['namespace'];
  if (namespace !== undefined && namespace !== null && namespace !== '') {
    if (typeof namespace !== 'string' || !NAME_RULES.label.test(namespace)) {
      return invalid(['metadata', 'namespace'], namespace, NAME_RULES.label.text);
    }
  }
  return null;
}

/**
 * Checks ObjectMeta, which every kind shares (known or not): unknown fields, the name syntax of
 * the kind, a DNS-label namespace, string-valued labels and annotations with valid keys (a
 * number-valued label such as `version: 1` is refused by the API server's decoder, and selectors
 * only ever match strings).
 */
export function validateMetadata(object: JsonObject, nameRule: NameRule): SchemaViolation | null {
  const meta = object['metadata'];
  if (!isJsonObject(meta)) {
    return null; // identity checks already require metadata.name
  }
  const unknownField = Object.keys(meta).find((key) => !OBJECT_META_FIELDS.has(key));
  if (unknownField !== undefined) {
    return {
      path: ['metadata', unknownField],
      message: `unknown field "metadata.${unknownField}"`,
    };
  }
  return (
    checkNames(meta, nameRule) ??
    checkStringMap(meta, 'labels') ??
    checkStringMap(meta, 'annotations')
  );
}
