import { REQUEST_DEPENDENT, type AttributeKind } from './authz-attributes.js';
import type { AuthzCondition } from './authz-compile.js';
import { cidrContains } from './cidr.js';
import type { AuthzRequest, PolicySource } from './policy-types.js';
import {
  pathMatch,
  principalNamespaceMatch,
  serviceAccountMatch,
  stripSpiffe,
  wildcardMatch,
} from './wildcard.js';

/** Three-valued result: 'unknown' when the attribute cannot be known from our model. */
export type Tri = 'yes' | 'no' | 'unknown';

/**
 * What a condition is evaluated against. `request` null = "some request from this source"
 * (canSourceReach): request attributes are then assumed satisfiable for ALLOW ('allow') and not
 * known to hold for every request for DENY ('deny').
 */
export interface ConditionContext {
  readonly source: PolicySource;
  /** Full SPIFFE principal (`spiffe://...`) or null for plaintext. */
  readonly principal: string | null;
  readonly request: AuthzRequest | null;
  readonly port: number | null;
  readonly reach: 'allow' | 'deny' | null;
  readonly policyNamespace: string;
}

type ValueTest = (value: string) => boolean;
type Tester = (cond: AuthzCondition, ctx: ConditionContext) => ValueTest | Tri;
const NEVER: ValueTest = () => false;

/** Envoy pseudo-headers a `request.headers[:name]` condition can read. */
function pseudoHeader(request: AuthzRequest, name: string): string | undefined {
  switch (name) {
    case ':method':
      return request.method;
    case ':path':
      return request.path;
    case ':authority':
    case 'host':
      return request.host;
    default:
      return undefined;
  }
}

function headerValue(request: AuthzRequest | null, name: string): string | undefined {
  const pseudo = request === null ? undefined : pseudoHeader(request, name);
  if (pseudo !== undefined) {
    return pseudo;
  }
  for (const [k, v] of Object.entries(request?.headers ?? {})) {
    if (k.toLowerCase() === name) {
      return v;
    }
  }
  return undefined;
}

/** Identity tests read the peer principal; plaintext (no principal) matches no value. */
function identity(build: (full: string, bare: string, ctx: ConditionContext) => ValueTest): Tester {
  return (_cond, ctx) =>
    ctx.principal === null ? NEVER : build(ctx.principal, stripSpiffe(ctx.principal), ctx);
}

function sourceIp(_cond: AuthzCondition, ctx: ConditionContext): ValueTest | Tri {
  const ip = ctx.source.ip;
  return ip === undefined ? 'unknown' : (v) => cidrContains(v, ip);
}

/** A request string attribute; absent = no value matches. */
function requestField(
  read: (r: AuthzRequest) => string | undefined,
  test: (v: string, actual: string) => boolean,
): Tester {
  return (_cond, ctx) => {
    const actual = ctx.request === null ? undefined : read(ctx.request);
    return actual === undefined ? NEVER : (v) => test(v, actual);
  };
}

const TESTERS: Record<AttributeKind, Tester> = {
  principal: identity((_f, bare) => (v) => (v === '*' ? bare.length > 0 : wildcardMatch(v, bare))),
  namespace: identity((full) => (v) => principalNamespaceMatch(v, full)),
  serviceAccount: identity(
    (full, _b, ctx) => (v) => serviceAccountMatch(v, ctx.policyNamespace, full),
  ),
  // trustDomains: matched on the trust-domain part of the principal (inferred from the field name).
  trustDomain: identity((_f, bare) => (v) => wildcardMatch(v, bare.split('/')[0] ?? '')),
  sourceIp,
  remoteIp: sourceIp,
  // No JWT in the model: request principals and claims are absent.
  requestPrincipal: () => NEVER,
  requestAuth: () => NEVER,
  header: (cond, ctx) => {
    const value = headerValue(ctx.request, cond.name);
    return value === undefined ? NEVER : (v) => wildcardMatch(v, value);
  },
  inlineHeader: (cond, ctx) => {
    const value = headerValue(ctx.request, cond.name);
    const parts = (value ?? '').split(',').map((s) => s.trim());
    return value === undefined ? NEVER : (v) => parts.some((p) => wildcardMatch(v, p));
  },
  host: requestField(
    (r) => r.host,
    (v, actual) => wildcardMatch(v, actual, true),
  ),
  method: requestField(
    (r) => r.method,
    (v, actual) => wildcardMatch(v, actual),
  ),
  path: requestField(
    (r) => r.path,
    (v, actual) => pathMatch(v, actual),
  ),
  port: (_cond, ctx) => {
    const port = ctx.port;
    return port === null ? 'unknown' : (v) => v.trim() === String(port);
  },
  unevaluable: () => 'unknown',
};

/** Value test for a condition, or a fixed Tri when the attribute decides on its own. */
function valueTest(cond: AuthzCondition, ctx: ConditionContext): ValueTest | Tri {
  const knownPort = cond.kind === 'port' && ctx.port !== null;
  if (ctx.reach !== null && REQUEST_DEPENDENT.has(cond.kind) && !knownPort) {
    return ctx.reach === 'allow' ? 'yes' : 'unknown';
  }
  return TESTERS[cond.kind](cond, ctx);
}

/** `values` (any) AND NOT `notValues` (any), per `rule.permission/principal` in model.go. */
export function evaluateCondition(cond: AuthzCondition, ctx: ConditionContext): Tri {
  const test = valueTest(cond, ctx);
  if (typeof test !== 'function') {
    return test;
  }
  if (cond.values.length > 0 && !cond.values.some(test)) {
    return 'no';
  }
  return cond.notValues.some(test) ? 'no' : 'yes';
}
