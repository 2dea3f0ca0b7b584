import { isJsonObject, type JsonValue } from '../model/json.js';
import { re2FullMatch } from './re2-regex.js';

/** An `istio.networking.v1alpha3.StringMatch` after parsing. `present` = header/param must exist. */
export interface ParsedStringMatch {
  readonly kind: 'exact' | 'prefix' | 'regex' | 'present';
  readonly value: string;
}

/**
 * Parses a StringMatch JSON object. A match without a type (`{}`) is a presence test, and for
 * headers, query params, method, authority and scheme so is `regex: "*"`
 * (`canBeConvertedToPresentMatch`, istio/istio:pilot/pkg/networking/core/route/route.go).
 * The oneof is decided by key presence: `exact: ""` is an exact match on the empty string.
 */
export function parseStringMatch(
  json: JsonValue | undefined,
  starIsPresent: boolean,
): ParsedStringMatch | null {
  if (!isJsonObject(json)) {
    return null;
  }
  for (const kind of ['exact', 'prefix', 'regex'] as const) {
    const value = json[kind];
    if (typeof value === 'string') {
      if (kind === 'regex' && value === '*' && starIsPresent) {
        return { kind: 'present', value: '' };
      }
      return { kind, value };
    }
  }
  return { kind: 'present', value: '' };
}

export function describeStringMatch(m: ParsedStringMatch): string {
  return m.kind === 'present' ? 'present' : `${m.kind} ${m.value}`;
}

/**
 * Envoy `StringMatcher` semantics on a present value: exact/prefix (case-folded when `ignoreCase`,
 * Envoy `case_sensitive: false`), regex = RE2 full match (ignoreCase does not apply to regex).
 * Returns null when the regex cannot be evaluated.
 */
export function testStringMatch(
  m: ParsedStringMatch,
  value: string,
  ignoreCase = false,
): boolean | null {
  const fold = (s: string): string => (ignoreCase ? s.toLowerCase() : s);
  switch (m.kind) {
    case 'present':
      return true;
    case 'exact':
      return fold(value) === fold(m.value);
    case 'prefix':
      return fold(value).startsWith(fold(m.value));
    case 'regex':
      return re2FullMatch(m.value, value);
  }
}

export interface CheckResult {
  readonly ok: boolean;
  readonly reason: string;
}

/** Tests `m` on a possibly absent value and phrases the outcome (`header x exact y did not match`). */
export function checkStringMatch(
  label: string,
  m: ParsedStringMatch,
  value: string | undefined,
  ignoreCase = false,
): CheckResult {
  const what = `${label} ${describeStringMatch(m)}`;
  if (value === undefined) {
    return { ok: false, reason: `${what} did not match (absent)` };
  }
  const result = testStringMatch(m, value, ignoreCase);
  if (result === null) {
    return { ok: false, reason: `${what} did not match (regex not supported by ECMAScript)` };
  }
  return { ok: result, reason: `${what} ${result ? 'matched' : 'did not match'}` };
}
