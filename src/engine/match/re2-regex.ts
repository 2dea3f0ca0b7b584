/**
 * RE2 (Envoy `safe_regex`) evaluated with ECMAScript RegExp.
 *
 * Envoy requires the regex to match the WHOLE value (RE2 `FullMatch`), so every pattern is
 * anchored as `^(?:re)$`. Translations applied: a leading `(?i)` becomes the `i` flag,
 * `(?P<name>` becomes `(?<name>`, `\A` / `\z` become `^` / `$`.
 *
 * Remaining RE2/ECMAScript differences (not translated):
 * - RE2 rejects backreferences and lookaround; JS accepts them (istiod validation rejects them).
 * - Inline flags elsewhere than at the start (`a(?i)b`, `(?s:...)`, `(?U)`) are not supported here.
 * - POSIX classes `[[:alpha:]]`, `\pL` / `\p{Greek}` without the `u` flag, `\Q...\E` and `\C`
 *   have no or a different meaning in JS.
 * - RE2 is leftmost-first like JS, but RE2 matching is linear-time; JS may backtrack.
 * - `$` is end of text in both (no multiline); `.` excludes `\n` in both.
 * A pattern that JS cannot compile yields null (the match is reported as failed, with a reason).
 */
const cache = new Map<string, RegExp | null>();

function translate(re2: string): { readonly source: string; readonly flags: string } {
  let source = re2;
  let flags = '';
  if (source.startsWith('(?i)')) {
    source = source.slice(4);
    flags = 'i';
  }
  source = source
    .replace(/\(\?P</g, '(?<')
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '$');
  return { source, flags };
}

export function compileRe2(pattern: string): RegExp | null {
  if (cache.has(pattern)) {
    return cache.get(pattern) ?? null;
  }
  const { source, flags } = translate(pattern);
  let compiled: RegExp | null;
  try {
    compiled = new RegExp(`^(?:${source})$`, flags);
  } catch {
    compiled = null;
  }
  cache.set(pattern, compiled);
  return compiled;
}

/** Full-match test; null when the pattern cannot be compiled. */
export function re2FullMatch(pattern: string, value: string): boolean | null {
  const re = compileRe2(pattern);
  return re === null ? null : re.test(value);
}
