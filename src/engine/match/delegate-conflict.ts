import { isJsonObject, type JsonObject, type JsonValue } from '../model/json.js';
import { stringList } from './source-match.js';

function nonEmpty(obj: JsonObject, key: string): string {
  const v = obj[key];
  return typeof v === 'string' ? v : '';
}

interface Typed {
  readonly exact: string;
  readonly prefix: string;
  readonly regex: string;
}

function typed(obj: JsonObject): Typed {
  return {
    exact: nonEmpty(obj, 'exact'),
    prefix: nonEmpty(obj, 'prefix'),
    regex: nonEmpty(obj, 'regex'),
  };
}

function anyType(m: Typed): boolean {
  return m.exact !== '' || m.prefix !== '' || m.regex !== '';
}

/** Whether a leaf without regex fits inside a root without regex. */
function containmentConflict(root: Typed, leaf: Typed): boolean {
  if (root.exact !== '') {
    return leaf.prefix !== '' || leaf.exact !== root.exact;
  }
  if (root.prefix !== '' && leaf.prefix !== '') {
    return !leaf.prefix.startsWith(root.prefix);
  }
  if (root.prefix !== '' && leaf.exact !== '') {
    return !leaf.exact.startsWith(root.prefix);
  }
  return true;
}

/**
 * `stringMatchConflict` (istio/istio:pilot/pkg/model/virtualservice.go): the delegate's StringMatch
 * must fall inside the root's. Regex on either side conflicts with any other typed match; an exact
 * root needs the same exact; a prefix root needs a leaf prefix/exact starting with it; anything
 * else (e.g. a root `{}`) conflicts. No conflict when either side is unset.
 */
export function stringMatchConflict(
  root: JsonValue | undefined,
  leaf: JsonValue | undefined,
): boolean {
  if (!isJsonObject(root) || !isJsonObject(leaf)) {
    return false;
  }
  const r = typed(root);
  const l = typed(leaf);
  if ((r.regex !== '' && anyType(l)) || (l.regex !== '' && anyType(r))) {
    return true;
  }
  return containmentConflict(r, l);
}

function mapOf(match: JsonObject, key: string): JsonObject {
  const v = match[key];
  return isJsonObject(v) ? v : {};
}

function mapConflict(root: JsonObject, leaf: JsonObject, key: string): string | null {
  const rootMap = mapOf(root, key);
  for (const [name, leafValue] of Object.entries(mapOf(leaf, key))) {
    if (stringMatchConflict(rootMap[name], leafValue)) {
      return `${key} ${name} does not fall inside the root's`;
    }
  }
  return null;
}

function numberOf(match: JsonObject, key: string): number {
  const v = match[key];
  return typeof v === 'number' ? v : 0;
}

function sourceConflict(root: JsonObject, leaf: JsonObject): string | null {
  const rootNs = nonEmpty(root, 'sourceNamespace');
  if (rootNs !== '' && nonEmpty(leaf, 'sourceNamespace') !== rootNs) {
    return `sourceNamespace ${rootNs} of the root is not repeated in the delegate`;
  }
  const rootLabels = mapOf(root, 'sourceLabels');
  for (const [k, v] of Object.entries(mapOf(leaf, 'sourceLabels'))) {
    if (k in rootLabels && rootLabels[k] !== v) {
      return `sourceLabels ${k} differs from the root's`;
    }
  }
  const rootGw = stringList(root, 'gateways');
  const leafGw = stringList(leaf, 'gateways');
  if (
    rootGw.length > 0 &&
    leafGw.length > 0 &&
    (rootGw.length < leafGw.length || leafGw.some((g) => !rootGw.includes(g)))
  ) {
    return `gateways [${leafGw.join(', ')}] are not a subset of the root's [${rootGw.join(', ')}]`;
  }
  return null;
}

/**
 * Why a delegate match cannot be merged under a root match (`hasConflict`,
 * istio/istio:pilot/pkg/model/virtualservice.go, SEMANTICS R6), or null when it can.
 */
export function describeDelegateMatchConflict(
  rootMatch: JsonObject,
  delegateMatch: JsonObject,
): string | null {
  for (const field of ['uri', 'scheme', 'method', 'authority']) {
    if (stringMatchConflict(rootMatch[field], delegateMatch[field])) {
      return `${field} does not fall inside the root's`;
    }
  }
  for (const key of ['headers', 'withoutHeaders', 'queryParams']) {
    const reason = mapConflict(rootMatch, delegateMatch, key);
    if (reason !== null) {
      return reason;
    }
  }
  if ((rootMatch['ignoreUriCase'] === true) !== (delegateMatch['ignoreUriCase'] === true)) {
    return 'ignoreUriCase differs from the root';
  }
  const [rootPort, leafPort] = [numberOf(rootMatch, 'port'), numberOf(delegateMatch, 'port')];
  if (rootPort > 0 && leafPort > 0 && rootPort !== leafPort) {
    return `port ${String(leafPort)} differs from the root's ${String(rootPort)}`;
  }
  return sourceConflict(rootMatch, delegateMatch);
}

export function delegateMatchConflicts(rootMatch: JsonObject, delegateMatch: JsonObject): boolean {
  return describeDelegateMatchConflict(rootMatch, delegateMatch) !== null;
}
