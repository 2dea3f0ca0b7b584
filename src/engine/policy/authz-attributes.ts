/**
 * Attribute kinds of AuthorizationPolicy conditions (`from.source`, `to.operation`, `when`), after
 * `authzmodel.New` (istio/istio:pilot/pkg/security/authz/model/model.go) which maps every field
 * and `when` key onto one generator.
 */
export type AttributeKind =
  | 'principal'
  | 'namespace'
  | 'serviceAccount'
  | 'trustDomain'
  | 'sourceIp'
  | 'remoteIp'
  | 'requestPrincipal'
  | 'requestAuth'
  | 'header'
  | 'inlineHeader'
  | 'host'
  | 'method'
  | 'path'
  | 'port'
  | 'unevaluable';

/**
 * Attributes Envoy can only see on HTTP: for TCP they make an ALLOW rule disappear and are
 * dropped from DENY/AUDIT/CUSTOM rules (`checkError`, model.go; SEMANTICS R10). These are the
 * generators returning `"%q is HTTP only"` in generator.go.
 */
export const HTTP_ONLY: ReadonlySet<AttributeKind> = new Set<AttributeKind>([
  'requestPrincipal',
  'requestAuth',
  'header',
  'inlineHeader',
  'host',
  'method',
  'path',
]);

/** Attributes of the request rather than of the source: unknown when asking "can S reach W at all". */
export const REQUEST_DEPENDENT: ReadonlySet<AttributeKind> = new Set<AttributeKind>([
  'header',
  'inlineHeader',
  'host',
  'method',
  'path',
  'port',
  'unevaluable',
]);

const EXACT_KEYS: ReadonlyMap<string, AttributeKind> = new Map<string, AttributeKind>([
  ['source.ip', 'sourceIp'],
  ['remote.ip', 'remoteIp'],
  ['source.namespace', 'namespace'],
  ['source.principal', 'principal'],
  ['source.serviceAccount', 'serviceAccount'],
  ['request.auth.principal', 'requestPrincipal'],
  ['request.auth.audiences', 'requestAuth'],
  ['request.auth.presenter', 'requestAuth'],
  ['destination.ip', 'unevaluable'],
  ['destination.port', 'port'],
  ['connection.sni', 'unevaluable'],
]);

const PREFIX_KEYS: readonly (readonly [string, AttributeKind])[] = [
  ['request.headers', 'header'],
  ['request.experimental.inline.headers', 'inlineHeader'],
  ['request.auth.claims', 'requestAuth'],
  ['experimental.envoy.filters.', 'unevaluable'],
];

/** Kind of a `when` key, or null when istiod rejects it ("unknown attribute": the rule is skipped). */
export function whenKeyKind(key: string): AttributeKind | null {
  const exact = EXACT_KEYS.get(key);
  if (exact !== undefined) {
    return exact;
  }
  for (const [prefix, kind] of PREFIX_KEYS) {
    if (key.startsWith(prefix)) {
      return kind;
    }
  }
  return null;
}

/** Header name inside `request.headers[Name]`, lower-cased; null when the brackets are malformed. */
export function bracketName(key: string): string | null {
  const open = key.indexOf('[');
  const close = key.lastIndexOf(']');
  if (open < 0 || close !== key.length - 1 || close <= open + 1) {
    return null;
  }
  return key.slice(open + 1, close).toLowerCase();
}
