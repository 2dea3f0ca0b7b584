/**
 * The parts of Go's `net/url.ParseRequestURI` that Kubernetes' CEL `url()` / `isURL()` rely on
 * (k8s.io/apiserver/pkg/cel/library/urls.go calls ParseRequestURI, then reads the parts).
 * Ported from Go's net/url/url.go: same acceptance rules, same error texts.
 */
export interface GoUrl {
  readonly scheme: string;
  readonly host: string;
  readonly path: string;
  readonly query: string;
}

export type GoUrlResult =
  { readonly ok: true; readonly url: GoUrl } | { readonly ok: false; readonly error: string };

// eslint-disable-next-line no-control-regex -- Go rejects ASCII control bytes in URLs
const CONTROL = /[\x00-\x1f\x7f]/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/;
/** Characters Go's validUserinfo allows (RFC 3986 userinfo plus `%` escapes). */
const USERINFO = /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/;
/** Characters Go allows unescaped in a host (shouldEscape with encodeHost; non-ASCII passes). */
const HOST = /^[A-Za-z0-9\-._~!$&'()*+,;=:[\]<>"%\u0080-\uffff]*$/;
const BAD_ESCAPE = /%(?![0-9A-Fa-f]{2})/;

function failure(error: string): GoUrlResult {
  return { ok: false, error };
}

/** Go's getScheme: a scheme is letters then letters/digits/+-. up to the first `:`. */
function splitScheme(raw: string): { scheme: string; rest: string } | string {
  const colon = raw.indexOf(':');
  if (colon === 0) {
    return 'missing protocol scheme';
  }
  const candidate = colon < 0 ? '' : raw.slice(0, colon);
  if (colon > 0 && SCHEME.test(candidate)) {
    return { scheme: candidate.toLowerCase(), rest: raw.slice(colon + 1) };
  }
  return { scheme: '', rest: raw };
}

function checkHost(host: string): string | null {
  const colon = host.lastIndexOf(':');
  const bracket = host.lastIndexOf(']');
  if (colon > bracket && !/^:\d*$/.test(host.slice(colon))) {
    return `invalid port ${JSON.stringify(host.slice(colon))} after host`;
  }
  if (!HOST.test(host) || BAD_ESCAPE.test(host)) {
    return `invalid character in host name`;
  }
  return null;
}

function parseAuthority(authority: string): { host: string } | string {
  const at = authority.lastIndexOf('@');
  const host = at < 0 ? authority : authority.slice(at + 1);
  const hostError = checkHost(host);
  if (hostError !== null) {
    return hostError;
  }
  const userinfo = at < 0 ? '' : authority.slice(0, at);
  if (!USERINFO.test(userinfo) || BAD_ESCAPE.test(userinfo)) {
    return 'net/url: invalid userinfo';
  }
  return { host };
}

function splitQuery(rest: string): { path: string; query: string } {
  const at = rest.indexOf('?');
  return at < 0
    ? { path: rest, query: '' }
    : { path: rest.slice(0, at), query: rest.slice(at + 1) };
}

/** The part after the scheme: `//authority/path` (with a scheme) or `/path`. */
function parseHierarchy(scheme: string, rest: string, query: string): GoUrlResult {
  let host = '';
  let path = rest;
  if (scheme !== '' && rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    const parsed = parseAuthority(slash < 0 ? rest.slice(2) : rest.slice(2, slash));
    if (typeof parsed === 'string') {
      return failure(parsed);
    }
    host = parsed.host;
    path = slash < 0 ? '' : rest.slice(slash);
  }
  if (BAD_ESCAPE.test(path)) {
    return failure('invalid URL escape');
  }
  return { ok: true, url: { scheme, host, path, query } };
}

/** `url.ParseRequestURI(raw)`: an absolute URI or an absolute path, fragments not split off. */
export function parseRequestUri(raw: string): GoUrlResult {
  if (CONTROL.test(raw)) {
    return failure('net/url: invalid control character in URL');
  }
  if (raw === '') {
    return failure('empty url');
  }
  const split = splitScheme(raw);
  if (typeof split === 'string') {
    return failure(split);
  }
  const { path: rest, query } = splitQuery(split.rest);
  if (rest.startsWith('/')) {
    return parseHierarchy(split.scheme, rest, query);
  }
  return split.scheme === ''
    ? failure('invalid URI for request')
    : { ok: true, url: { scheme: split.scheme, host: '', path: '', query } };
}
