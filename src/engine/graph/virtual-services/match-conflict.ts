import type { JsonObject } from '../../model/json.js';
import type { RouteMatch } from '../types/virtual-service.js';
import { objectAt, stringAt } from '../util/json.js';

/**
 * R6 — delegate match conflicts (`hasConflict`, `stringMatchConflict`, P/model/virtualservice.go).
 * A delegate match must fall inside a root match: prefix extends prefix, exact starts with the root
 * prefix or equals the root exact; regex conflicts with any other kind on the same field.
 */
export function stringMatchConflict(root: JsonObject | null, leaf: JsonObject | null): boolean {
  if (root === null || leaf === null) {
    return false;
  }
  const r = kinds(root);
  const l = kinds(leaf);
  if (regexConflict(r, l) || regexConflict(l, r)) {
    return true;
  }
  if (r.exact !== null) {
    return l.prefix !== null || l.exact !== r.exact;
  }
  return r.prefix === null || !extendsPrefix(r.prefix, l);
}

/** A regex on one side conflicts with any other kind of match on the other. */
function regexConflict(a: StringKinds, b: StringKinds): boolean {
  return a.regex !== null && (b.regex !== null || b.prefix !== null || b.exact !== null);
}

/** A delegate prefix or exact value inside the root prefix (`/a/b` is inside `/a`, `/a` is not inside `/a/b`). */
function extendsPrefix(prefix: string, leaf: StringKinds): boolean {
  return (leaf.prefix ?? leaf.exact)?.startsWith(prefix) === true;
}

interface StringKinds {
  readonly exact: string | null;
  readonly prefix: string | null;
  readonly regex: string | null;
}

function kinds(match: JsonObject): StringKinds {
  const nonEmpty = (key: string): string | null => {
    const value = stringAt(match, key);
    return value === '' ? null : value;
  };
  return { exact: nonEmpty('exact'), prefix: nonEmpty('prefix'), regex: nonEmpty('regex') };
}

function mapConflict(root: JsonObject | null, leaf: JsonObject | null): boolean {
  if (leaf === null) {
    return false;
  }
  return Object.keys(leaf).some((key) =>
    stringMatchConflict(objectAt(root, key), objectAt(leaf, key)),
  );
}

const STRING_FIELDS = ['uri', 'scheme', 'method', 'authority'] as const;

function sourceConflict(root: RouteMatch, leaf: RouteMatch): boolean {
  if (root.sourceNamespace !== null && leaf.sourceNamespace !== root.sourceNamespace) {
    return true;
  }
  for (const [key, value] of Object.entries(leaf.sourceLabels ?? {})) {
    const rootValue = root.sourceLabels?.[key];
    if (rootValue !== undefined && rootValue !== value) {
      return true;
    }
  }
  if (root.gateways.length > 0 && leaf.gateways.length > 0) {
    return leaf.gateways.some((g) => !root.gateways.includes(g));
  }
  return false;
}

export function matchConflict(root: RouteMatch, leaf: RouteMatch): boolean {
  if (
    STRING_FIELDS.some((f) => stringMatchConflict(objectAt(root.raw, f), objectAt(leaf.raw, f)))
  ) {
    return true;
  }
  if (
    mapConflict(objectAt(root.raw, 'headers'), objectAt(leaf.raw, 'headers')) ||
    mapConflict(objectAt(root.raw, 'withoutHeaders'), objectAt(leaf.raw, 'withoutHeaders')) ||
    mapConflict(objectAt(root.raw, 'queryParams'), objectAt(leaf.raw, 'queryParams'))
  ) {
    return true;
  }
  if (Boolean(root.raw['ignoreUriCase']) !== Boolean(leaf.raw['ignoreUriCase'])) {
    return true;
  }
  if (root.port !== null && leaf.port !== null && root.port !== leaf.port) {
    return true;
  }
  return sourceConflict(root, leaf);
}

function mergeMaps(root: JsonObject | null, leaf: JsonObject | null): JsonObject | null {
  return root === null && leaf === null ? null : { ...(root ?? {}), ...(leaf ?? {}) };
}

function mergeRaw(root: JsonObject, leaf: JsonObject): JsonObject {
  const raw: JsonObject = { ...leaf };
  const rootName = stringAt(root, 'name');
  const leafName = stringAt(leaf, 'name');
  if (rootName !== null) {
    raw['name'] = leafName === null ? rootName : `${rootName}-${leafName}`;
  }
  for (const field of [...STRING_FIELDS, 'port', 'sourceNamespace', 'gateways'] as const) {
    const value = root[field];
    if (raw[field] === undefined && value !== undefined) {
      raw[field] = value;
    }
  }
  for (const field of ['headers', 'withoutHeaders', 'queryParams', 'sourceLabels'] as const) {
    const merged = mergeMaps(objectAt(root, field), objectAt(leaf, field));
    if (merged !== null) {
      raw[field] = merged;
    }
  }
  return raw;
}

/** `mergeHTTPMatchRequest`: root fields fill what the delegate match leaves unset. */
export function mergeMatch(root: RouteMatch, leaf: RouteMatch): RouteMatch {
  const sourceLabels =
    root.sourceLabels === null && leaf.sourceLabels === null
      ? null
      : { ...root.sourceLabels, ...leaf.sourceLabels };
  return {
    raw: mergeRaw(root.raw, leaf.raw),
    gateways: leaf.gateways.length > 0 ? leaf.gateways : root.gateways,
    sourceLabels,
    sourceNamespace: leaf.sourceNamespace ?? root.sourceNamespace,
    port: leaf.port ?? root.port,
  };
}

/**
 * `mergeHTTPMatchRequests`: every delegate match must find a non-conflicting root match; the
 * result holds one merged match per (delegate match, compatible root match). Null = conflict.
 */
export function mergeMatches(
  root: readonly RouteMatch[],
  leaf: readonly RouteMatch[],
): RouteMatch[] | null {
  if (root.length === 0) {
    return [...leaf];
  }
  if (leaf.length === 0) {
    return [...root];
  }
  const out: RouteMatch[] = [];
  for (const sub of leaf) {
    const compatible = root.filter((r) => !matchConflict(r, sub));
    if (compatible.length === 0) {
      return null;
    }
    out.push(...compatible.map((r) => mergeMatch(r, sub)));
  }
  return out;
}
