/**
 * Istio's string wildcard for authorization values (`matcher.StringMatcher` / `HeaderMatcher`,
 * istio/istio:pilot/pkg/security/authz/model/matcher): `*` alone = present (non-empty for
 * principals), `*x` = suffix, `x*` = prefix, otherwise exact.
 */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const v = ignoreCase ? value.toLowerCase() : value;
  if (p === '*') {
    return true;
  }
  if (p.startsWith('*')) {
    return v.endsWith(p.slice(1));
  }
  if (p.endsWith('*')) {
    return v.startsWith(p.slice(0, -1));
  }
  return v === p;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const templateCache = new Map<string, RegExp>();

/**
 * Path templates (`security.ContainsPathTemplate`): `{*}` is one path segment, `{**}` any number
 * of segments. Envoy's uri_template requires `{**}` last; we accept it anywhere (approximation).
 */
function templateRegex(pattern: string): RegExp {
  let re = templateCache.get(pattern);
  if (re === undefined) {
    const body = pattern
      .split(/(\{\*\*\}|\{\*\})/)
      .map((part) => (part === '{**}' ? '.*' : part === '{*}' ? '[^/]+' : escapeRegex(part)))
      .join('');
    re = new RegExp(`^${body}$`);
    templateCache.set(pattern, re);
  }
  return re;
}

/** `paths` / `notPaths` matching against the path without its query string. */
export function pathMatch(pattern: string, path: string): boolean {
  const bare = path.split('?')[0] ?? path;
  if (pattern.includes('{*}') || pattern.includes('{**}')) {
    return templateRegex(pattern).test(bare);
  }
  return wildcardMatch(pattern, bare);
}

const namespaceCache = new Map<string, RegExp>();

/**
 * `namespaces` / `source.namespace` are matched on the peer principal with the regex
 * `.*\/ns/<value with * as .*>/.*` (`srcNamespaceGenerator`, generator.go).
 */
export function principalNamespaceMatch(pattern: string, principal: string): boolean {
  let re = namespaceCache.get(pattern);
  if (re === undefined) {
    const ns = pattern.split('*').map(escapeRegex).join('.*');
    re = new RegExp(`^.*/ns/${ns}/.*$`);
    namespaceCache.set(pattern, re);
  }
  return re.test(principal);
}

/**
 * `serviceAccounts` (`<sa>` or `<ns>/<sa>`, namespace defaulting to the policy's) match the principal
 * with `spiffe://.+/ns/<ns>/(.+/|)sa/<sa>(/.+)?` (`serviceAccountRegex`, generator.go).
 */
const serviceAccountCache = new Map<string, RegExp>();

export function serviceAccountMatch(
  value: string,
  policyNamespace: string,
  principal: string,
): boolean {
  const slash = value.indexOf('/');
  const ns = slash < 0 ? policyNamespace : value.slice(0, slash);
  const sa = slash < 0 ? value : value.slice(slash + 1);
  const key = `${ns}/${sa}`;
  let re = serviceAccountCache.get(key);
  if (re === undefined) {
    re = new RegExp(`^spiffe://.+/ns/${escapeRegex(ns)}/(.+/|)sa/${escapeRegex(sa)}(/.+)?$`);
    serviceAccountCache.set(key, re);
  }
  return re.test(principal);
}

/** Principal without its `spiffe://` scheme, as policies write it (`cluster.local/ns/x/sa/y`). */
export function stripSpiffe(principal: string): string {
  return principal.startsWith('spiffe://') ? principal.slice('spiffe://'.length) : principal;
}
