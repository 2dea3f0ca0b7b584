import { isJsonObject, type JsonObject, type JsonValue } from '../model/json.js';
import { describeDelegateMatchConflict } from './delegate-conflict.js';

export {
  delegateMatchConflicts,
  describeDelegateMatchConflict,
  stringMatchConflict,
} from './delegate-conflict.js';

function joinedName(root: JsonValue | undefined, leaf: JsonValue | undefined): string | undefined {
  const r = typeof root === 'string' ? root : '';
  const l = typeof leaf === 'string' ? leaf : '';
  if (l === '') {
    return r === '' ? undefined : r;
  }
  return r === '' ? l : `${r}-${l}`;
}

function isUnset(value: JsonValue | undefined): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    value === 0 ||
    (Array.isArray(value) && value.length === 0)
  );
}

function mergedMap(root: JsonObject, delegate: JsonObject, key: string): JsonObject | undefined {
  const r = isJsonObject(root[key]) ? root[key] : {};
  const d = isJsonObject(delegate[key]) ? delegate[key] : {};
  const out = { ...r, ...d };
  return Object.keys(out).length === 0 ? undefined : out;
}

/**
 * `mergeHTTPMatchRequest` (istio/istio:pilot/pkg/model/virtualservice.go, SEMANTICS R6): the
 * delegate's fields, completed by the root's (uri, scheme, method, authority, port,
 * sourceNamespace, gateways, statPrefix when unset; headers, withoutHeaders, queryParams and
 * sourceLabels merged with the delegate winning); names join as `root-delegate`.
 */
export function mergeDelegateMatch(root: JsonObject, delegate: JsonObject): JsonObject {
  const out: JsonObject = { ...delegate };
  const name = joinedName(root['name'], delegate['name']);
  if (name !== undefined) {
    out['name'] = name;
  }
  for (const key of [
    'uri',
    'scheme',
    'method',
    'authority',
    'port',
    'sourceNamespace',
    'gateways',
    'statPrefix',
  ]) {
    const rootValue = root[key];
    if (isUnset(out[key]) && rootValue !== undefined) {
      out[key] = rootValue;
    }
  }
  for (const key of ['headers', 'withoutHeaders', 'queryParams', 'sourceLabels']) {
    const merged = mergedMap(root, delegate, key);
    if (merged !== undefined) {
      out[key] = merged;
    }
  }
  return out;
}

export interface MergedMatches {
  /** undefined when neither side has matches (the merged route is a catch-all). */
  readonly matches: readonly JsonObject[] | undefined;
  readonly conflict: string | null;
}

/**
 * `mergeHTTPMatchRequests`: each delegate match must fit inside at least one root match; it is
 * merged with every root match it fits. Any delegate match fitting none drops the whole route.
 */
export function mergeDelegateMatches(
  rootMatches: readonly JsonValue[] | undefined,
  delegateMatches: readonly JsonValue[] | undefined,
): MergedMatches {
  const roots = (rootMatches ?? []).filter(isJsonObject);
  const leaves = (delegateMatches ?? []).filter(isJsonObject);
  if (roots.length === 0) {
    return { matches: leaves.length === 0 ? undefined : leaves, conflict: null };
  }
  if (leaves.length === 0) {
    return { matches: roots, conflict: null };
  }
  const out: JsonObject[] = [];
  for (const [i, leaf] of leaves.entries()) {
    const reasons: string[] = [];
    for (const root of roots) {
      const reason = describeDelegateMatchConflict(root, leaf);
      if (reason === null) {
        out.push(mergeDelegateMatch(root, leaf));
      } else {
        reasons.push(reason);
      }
    }
    if (reasons.length === roots.length) {
      return {
        matches: undefined,
        conflict: `delegate match[${String(i)}] conflicts with the root: ${reasons.join('; ')}`,
      };
    }
  }
  return { matches: out, conflict: null };
}

/** Route fields a delegate route inherits from its root when it leaves them unset (`mergeHTTPRoute`). */
export const DELEGATE_INHERITED_FIELDS = [
  'rewrite',
  'directResponse',
  'timeout',
  'retries',
  'fault',
  'mirror',
  'mirrorPercent',
  'mirrorPercentage',
  'corsPolicy',
  'mirrors',
  'headers',
] as const;

/**
 * `mergeHTTPRoute`: the delegate route with merged matches, the joined name and the root's route
 * fields it leaves unset; null when its matches conflict with the root's (the route is dropped).
 */
export function mergeDelegateRoute(
  rootRoute: JsonObject,
  delegateRoute: JsonObject,
): JsonObject | null {
  const rootMatch = rootRoute['match'];
  const leafMatch = delegateRoute['match'];
  const merged = mergeDelegateMatches(
    Array.isArray(rootMatch) ? rootMatch : undefined,
    Array.isArray(leafMatch) ? leafMatch : undefined,
  );
  if (merged.conflict !== null) {
    return null;
  }
  const out: JsonObject = { ...delegateRoute };
  delete out['match'];
  if (merged.matches !== undefined) {
    out['match'] = [...merged.matches];
  }
  const name = joinedName(rootRoute['name'], delegateRoute['name']);
  if (name !== undefined) {
    out['name'] = name;
  }
  for (const key of DELEGATE_INHERITED_FIELDS) {
    const rootValue = rootRoute[key];
    if (out[key] === undefined && rootValue !== undefined) {
      out[key] = rootValue;
    }
  }
  return out;
}
