import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateRequest, indexAuthorizationPolicies } from './authorization.js';
import type { AuthzRequest, PolicySource } from './policy-types.js';
import { resourcesFromYaml } from './test-resources.js';

const SHARED = new URL('../../../../shared/', import.meta.url);
const BUILDER = 'corpus/istio-samples/pilot/pkg/security/authz/builder/testdata/';
const ROOT = 'istio-system';
const V1 = { namespace: 'foo', labels: { app: 'httpbin', version: 'v1' } };
const V2 = { namespace: 'foo', labels: { app: 'httpbin', version: 'v2' } };

function index(file: string) {
  return indexAuthorizationPolicies(
    resourcesFromYaml(readFileSync(new URL(BUILDER + file, SHARED), 'utf8'), 'foo'),
    ROOT,
  );
}

function from(principal: string | null, ip?: string): PolicySource {
  const ns = principal?.match(/\/ns\/([^/]+)\//)?.[1] ?? null;
  return ip === undefined ? { namespace: ns, principal } : { namespace: ns, principal, ip };
}

function http(path = '/', extra: Partial<AuthzRequest> = {}): AuthzRequest {
  return { protocol: 'http', port: 8000, host: 'httpbin.foo', method: 'GET', path, ...extra };
}
const tcp = (port: number): AuthzRequest => ({ protocol: 'tcp', port });
const PLAIN = from(null);
const SA = (ns: string, sa: string) => from(`spiffe://cluster.local/ns/${ns}/sa/${sa}`);

describe('R10 AuthorizationPolicy on istio builder testdata (HTTP)', () => {
  it('R10 rules: [{}] matches everything: allow-empty-rule allows any request to the selected workload', () => {
    const idx = index('http/allow-empty-rule-in.yaml');
    expect(evaluateRequest(idx, V1, PLAIN, http())).toMatchObject({
      allowed: true,
      decidedBy: 'foo/allow-all',
    });
    expect(evaluateRequest(idx, V2, PLAIN, http())).toMatchObject({
      allowed: true,
      decidedBy: null,
    });
  });

  it('R10 an ALLOW policy without rules allows nothing (allow-nil-rule)', () => {
    const idx = index('http/allow-nil-rule-in.yaml');
    expect(evaluateRequest(idx, V1, SA('foo', 'x'), http())).toMatchObject({
      allowed: false,
      decidedBy: 'foo/allow-none',
    });
  });

  it('R10 a DENY with rules: [{}] denies everything (deny-empty-rule)', () => {
    const idx = index('http/deny-empty-rule-in.yaml');
    expect(evaluateRequest(idx, V1, SA('foo', 'x'), http())).toMatchObject({
      allowed: false,
      decidedBy: 'foo/deny-all',
    });
  });

  it('R10 DENY is evaluated before ALLOW (deny-and-allow)', () => {
    const idx = index('http/deny-and-allow-in.yaml');
    expect(evaluateRequest(idx, V1, from('spiffe://deny'), http())).toMatchObject({
      allowed: false,
      decidedBy: 'foo/httpbin-deny',
    });
    expect(evaluateRequest(idx, V1, from('spiffe://allow'), http())).toMatchObject({
      allowed: true,
      decidedBy: 'foo/httpbin-allow',
    });
    expect(evaluateRequest(idx, V1, from('spiffe://other'), http())).toMatchObject({
      allowed: false,
      decidedBy: 'foo/httpbin-allow',
    });
    expect(evaluateRequest(idx, V1, PLAIN, http()).allowed).toBe(false);
  });

  it('R10 dry-run policies do not count but report what they would do', () => {
    const only = index('http/dry-run-allow-in.yaml');
    expect(evaluateRequest(only, V1, PLAIN, http('/other'))).toMatchObject({
      allowed: true,
      decidedBy: null,
      dryRunWouldDeny: true,
    });
    expect(evaluateRequest(only, V1, PLAIN, http('/exact'))).toMatchObject({
      allowed: true,
      dryRunWouldDeny: false,
    });
    const both = index('http/dry-run-allow-and-deny-in.yaml');
    expect(evaluateRequest(both, V1, PLAIN, http('/deny'))).toMatchObject({
      allowed: true,
      dryRunWouldDeny: true,
    });
    expect(evaluateRequest(both, V1, PLAIN, http('/allow'))).toMatchObject({
      allowed: true,
      dryRunWouldDeny: false,
    });
  });

  it('R10 istio.io/dry-run "false" is enforced (dry-run-mix)', () => {
    const idx = index('http/dry-run-mix-in.yaml');
    expect(evaluateRequest(idx, V1, PLAIN, http('/another'))).toMatchObject({
      allowed: true,
      decidedBy: 'foo/httpbin-2',
      dryRunWouldDeny: true,
    });
    expect(evaluateRequest(idx, V1, PLAIN, http('/allow'))).toMatchObject({
      allowed: false,
      decidedBy: 'foo/httpbin-2',
      dryRunWouldDeny: false,
    });
  });

  it('R10 ALLOW policies OR together; an unknown source IP satisfies no ipBlocks (multiple-policies)', () => {
    const idx = index('http/multiple-policies-in.yaml');
    expect(evaluateRequest(idx, V1, PLAIN, http('/'))).toMatchObject({
      allowed: true,
      decidedBy: 'foo/httpbin-1',
    });
    const del = http('/x', { method: 'DELETE' });
    const denied = evaluateRequest(idx, V1, PLAIN, del);
    expect(denied.allowed).toBe(false);
    expect(denied.notes.some((n) => n.includes('foo/httpbin-8') && n.includes('ipBlocks'))).toBe(
      true,
    );
    expect(evaluateRequest(idx, V1, from(null, '5.6.7.9'), del)).toMatchObject({
      allowed: true,
      decidedBy: 'foo/httpbin-8',
    });
    expect(
      evaluateRequest(idx, V1, PLAIN, { ...del, headers: { 'X-ABC': 'abc2' } }).decidedBy,
    ).toBe('foo/httpbin-9');
    expect(evaluateRequest(idx, V1, PLAIN, { ...del, port: 90 }).decidedBy).toBe('foo/httpbin-4');
    expect(evaluateRequest(idx, V2, PLAIN, http('/v2', { method: 'DELETE' })).decidedBy).toBe(
      'foo/httpbin-2',
    );
    expect(
      evaluateRequest(idx, V2, PLAIN, http('/', { host: 'google.com', method: 'DELETE' })).allowed,
    ).toBe(false);
  });

  it('R10 namespaces come from the peer principal: plaintext never matches them (multiple-policies)', () => {
    const idx = index('http/multiple-policies-in.yaml');
    const del = http('/x', { method: 'DELETE' });
    expect(evaluateRequest(idx, V1, SA('namespaces2', 'any'), del).decidedBy).toBe('foo/httpbin-7');
    expect(
      evaluateRequest(idx, V1, { namespace: 'namespaces2', principal: null }, del).allowed,
    ).toBe(false);
  });

  it('R10 principals wildcard "*" needs an mTLS identity (simple-policy-principal-with-wildcard)', () => {
    const idx = index('http/simple-policy-principal-with-wildcard-in.yaml');
    expect(evaluateRequest(idx, V1, SA('x', 'y'), http()).allowed).toBe(true);
    expect(evaluateRequest(idx, V1, PLAIN, http()).allowed).toBe(false);
  });

  it('R10 from namespaces AND when source.principal (td-aliases-source-principal)', () => {
    const idx = index('http/td-aliases-source-principal-in.yaml');
    expect(evaluateRequest(idx, V1, SA('istio-system', 'gw'), http()).allowed).toBe(true);
    expect(evaluateRequest(idx, V1, SA('foo', 'all-td'), http()).allowed).toBe(false);
  });

  it('R10 serviceAccounts default to the policy namespace; notPrincipals "*" excludes every identity (allow-full-rule)', () => {
    const idx = index('http/allow-full-rule-in.yaml');
    expect(evaluateRequest(idx, V1, SA('my-ns', 'my-sa'), http())).toMatchObject({
      allowed: true,
      decidedBy: 'foo/httpbin-1',
    });
    expect(evaluateRequest(idx, V1, SA('foo', 'sa-only'), http()).allowed).toBe(true);
    expect(evaluateRequest(idx, V1, SA('other', 'sa-only'), http()).allowed).toBe(false);
    expect(evaluateRequest(idx, V1, SA('my-ns', 'my-sa-not'), http()).allowed).toBe(false);
  });

  it('R10 trustDomains / notTrustDomains match the principal trust domain (trust-domains)', () => {
    const idx = index('http/trust-domains-in.yaml');
    expect(evaluateRequest(idx, V1, from('spiffe://another.local/ns/a/sa/b'), http()).allowed).toBe(
      true,
    );
    expect(evaluateRequest(idx, V1, from('spiffe://bad-td/ns/a/sa/b'), http()).allowed).toBe(false);
    expect(evaluateRequest(idx, V1, from('spiffe://other.td/ns/a/sa/b'), http()).allowed).toBe(
      true,
    );
  });

  it('R10 CUSTOM is an external decision: assumed to allow, with a note (custom-simple-http)', () => {
    const idx = index('http/custom-simple-http-in.yaml');
    const hit = evaluateRequest(idx, V1, PLAIN, http('/httpbin1'));
    expect(hit).toMatchObject({ allowed: true, decidedBy: null });
    expect(
      hit.notes.some(
        (n) => n.includes('CUSTOM foo/httpbin-1') && n.includes('external authorizer'),
      ),
    ).toBe(true);
    expect(
      evaluateRequest(idx, V1, PLAIN, http('/other')).notes.some((n) => n.includes('CUSTOM')),
    ).toBe(false);
  });

  it('R10 AUDIT never changes the decision (audit-full-rule)', () => {
    expect(evaluateRequest(index('http/audit-full-rule-in.yaml'), V1, PLAIN, http())).toMatchObject(
      { allowed: true, decidedBy: null },
    );
  });
});

describe('R10 TCP: HTTP-only attributes on istio builder testdata', () => {
  it('R10 ALLOW rules using HTTP-only attributes vanish for TCP (allow-only-http)', () => {
    const idx = index('tcp/allow-only-http-in.yaml');
    expect(evaluateRequest(idx, V1, SA('ns-1', 'x'), tcp(80))).toMatchObject({
      allowed: false,
      decidedBy: 'foo/httpbin-deny',
    });
    expect(
      evaluateRequest(idx, V1, SA('ns-1', 'x'), http('/', { host: 'example.com' })).allowed,
    ).toBe(true);
  });

  it('R10 only pure-TCP ALLOW rules remain for TCP (allow-both-http-tcp)', () => {
    const idx = index('tcp/allow-both-http-tcp-in.yaml');
    expect(evaluateRequest(idx, V1, SA('ns-1', 'x'), tcp(80)).allowed).toBe(true);
    expect(evaluateRequest(idx, V1, SA('ns-1', 'x'), tcp(8080)).allowed).toBe(false);
    expect(evaluateRequest(idx, V1, SA('ns-2', 'x'), tcp(9090)).allowed).toBe(false);
  });

  it('R10 DENY rules drop HTTP-only attributes for TCP and widen (deny-both-http-tcp)', () => {
    const idx = index('tcp/deny-both-http-tcp-in.yaml');
    expect(evaluateRequest(idx, V1, PLAIN, tcp(9999))).toMatchObject({
      allowed: false,
      decidedBy: 'foo/httpbin-deny',
    });
    expect(
      evaluateRequest(idx, V1, PLAIN, http('/x', { method: 'POST', port: 9999 })),
    ).toMatchObject({ allowed: true, decidedBy: null });
    expect(evaluateRequest(idx, V1, PLAIN, http('/x', { method: 'GET', port: 9999 })).allowed).toBe(
      false,
    );
  });

  it('R10 CUSTOM on TCP widens like DENY: still only a note (custom-only-http)', () => {
    const result = evaluateRequest(index('tcp/custom-only-http-in.yaml'), V1, PLAIN, tcp(80));
    expect(result.allowed).toBe(true);
    expect(result.notes.some((n) => n.includes('CUSTOM foo/httpbin-1'))).toBe(true);
  });

  it('R10 dry-run on TCP (dry-run-mix)', () => {
    const idx = index('tcp/dry-run-mix-in.yaml');
    expect(evaluateRequest(idx, V1, PLAIN, tcp(9000))).toMatchObject({
      allowed: true,
      decidedBy: 'foo/httpbin-2',
      dryRunWouldDeny: true,
    });
    expect(evaluateRequest(idx, V1, PLAIN, tcp(80))).toMatchObject({
      allowed: false,
      dryRunWouldDeny: false,
    });
  });
});
