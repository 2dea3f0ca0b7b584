import { numberAt, objectAt, stringAt } from '../../shared/json.js';
import type { JsonObject } from '../../../model/json.js';

/** A prefix match reduced to the fields `coveredValidation` compares. */
export interface PrefixMatch {
  readonly route: string;
  readonly match: string;
  readonly routeIndex: number;
  readonly matchIndex: number;
  readonly prefix: string;
  readonly port: number;
  readonly method: string;
  readonly authority: string;
  readonly headers: ReadonlyMap<string, string>;
  readonly queryParams: ReadonlyMap<string, string>;
  readonly withoutHeaders: ReadonlyMap<string, string>;
}

function exactOrPrefix(value: JsonObject | null): string {
  const exact = stringAt(value, 'exact') ?? '';
  if (exact !== '') {
    return `exact:${exact}`;
  }
  const prefix = stringAt(value, 'prefix') ?? '';
  return prefix === '' ? '' : `prefix:${prefix}`;
}

function stringMatches(map: JsonObject | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const key of Object.keys(map ?? {})) {
    out.set(key, exactOrPrefix(objectAt(map, key)));
  }
  return out;
}

/**
 * `genMatchHTTPRoutes` (istio/istio:pkg/config/validation/validation.go@86c9f01f): only matches
 * with a URI prefix take part; a match without method counts as `GET`.
 */
export function toPrefixMatch(
  match: JsonObject,
  labels: { route: string; match: string; routeIndex: number; matchIndex: number },
): PrefixMatch | null {
  const prefix = stringAt(objectAt(match, 'uri'), 'prefix') ?? '';
  if (prefix === '') {
    return null;
  }
  return {
    ...labels,
    prefix,
    port: numberAt(match, 'port') ?? 0,
    method: exactOrPrefix(objectAt(match, 'method')) || 'exact:GET',
    authority: exactOrPrefix(objectAt(match, 'authority')),
    headers: stringMatches(objectAt(match, 'headers')),
    queryParams: stringMatches(objectAt(match, 'queryParams')),
    withoutHeaders: stringMatches(objectAt(match, 'withoutHeaders')),
  };
}

function valueCovers(a: string, b: string): boolean {
  return a === b || a.startsWith(b);
}

function mapCovers(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) {
    return false;
  }
  for (const [key, value] of a) {
    const other = b.get(key);
    if (other === undefined || !valueCovers(value, other)) {
      return false;
    }
  }
  return true;
}

/** `coveredValidation`: the earlier match `a` takes every request the later `b` matches. */
export function covers(a: PrefixMatch, b: PrefixMatch): boolean {
  return (
    b.prefix.startsWith(a.prefix) &&
    a.port === b.port &&
    valueCovers(a.method, b.method) &&
    valueCovers(a.authority, b.authority) &&
    mapCovers(a.headers, b.headers) &&
    mapCovers(a.queryParams, b.queryParams) &&
    mapCovers(a.withoutHeaders, b.withoutHeaders)
  );
}
