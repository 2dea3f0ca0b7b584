import { describe, expect, it } from 'vitest';
import type { Resource } from '../model/resource.js';
import { evaluateRequest, indexAuthorizationPolicies } from './authorization.js';
import type { AuthzRequest, PolicySource } from './policy-types.js';
import { resourcesFromYaml } from './test-resources.js';

const ROOT = 'istio-system';
const WEB = { namespace: 'shop', labels: { app: 'web' } };
const CLIENT: PolicySource = {
  namespace: 'shop',
  principal: 'spiffe://cluster.local/ns/shop/sa/client',
};
const GET: AuthzRequest = {
  protocol: 'http',
  port: 8080,
  host: 'web.shop',
  method: 'GET',
  path: '/',
};

function ap(
  name: string,
  namespace: string,
  spec: object,
  annotations?: Record<string, string>,
): Resource {
  const metadata =
    annotations === undefined ? { name, namespace } : { name, namespace, annotations };
  return resourcesFromYaml(
    JSON.stringify({
      apiVersion: 'security.istio.io/v1beta1',
      kind: 'AuthorizationPolicy',
      metadata,
      spec,
    }),
  )[0]!;
}

const decide = (policies: Resource[], request = GET, source = CLIENT) =>
  evaluateRequest(indexAuthorizationPolicies(policies, ROOT), WEB, source, request);

describe('R10 applicable policies', () => {
  it('R10 root-namespace policies apply in every namespace when their selector matches', () => {
    const deny = ap('deny-web', ROOT, {
      action: 'DENY',
      selector: { matchLabels: { app: 'web' } },
      rules: [{}],
    });
    expect(decide([deny])).toMatchObject({ allowed: false, decidedBy: 'istio-system/deny-web' });
    const other = evaluateRequest(
      indexAuthorizationPolicies([deny], ROOT),
      { namespace: 'shop', labels: { app: 'db' } },
      CLIENT,
      GET,
    );
    expect(other.allowed).toBe(true);
  });

  it('R10 root-namespace DENY policies are reported before namespace ones', () => {
    const policies = [
      ap('a-local', 'shop', { action: 'DENY', rules: [{}] }),
      ap('z-root', ROOT, { action: 'DENY', rules: [{}] }),
    ];
    expect(decide(policies).decidedBy).toBe('istio-system/z-root');
  });

  it('R10 policies using targetRef(s) are ignored for sidecars, with a note', () => {
    const result = decide([
      ap('gw', 'shop', {
        action: 'DENY',
        targetRefs: [{ kind: 'Gateway', group: 'gateway.networking.k8s.io', name: 'g' }],
        rules: [{}],
      }),
    ]);
    expect(result.allowed).toBe(true);
    expect(result.notes.join(' ')).toContain('targetRef');
  });

  it('R10 istio.io/dry-run follows Go ParseBool; an invalid value is enforced and noted', () => {
    const deny = { action: 'DENY', rules: [{}] };
    expect(decide([ap('d', 'shop', deny, { 'istio.io/dry-run': 'True' })]).allowed).toBe(true);
    expect(decide([ap('d', 'shop', deny, { 'istio.io/dry-run': '1' })]).allowed).toBe(true);
    const invalid = decide([ap('d', 'shop', deny, { 'istio.io/dry-run': 'yes' })]);
    expect(invalid.allowed).toBe(false);
    expect(invalid.notes.join(' ')).toContain('not a boolean');
  });
});

describe('R10 conditions', () => {
  it('R10 a `when` key istiod does not know skips the rule for every action', () => {
    const result = decide([
      ap('d', 'shop', {
        action: 'DENY',
        rules: [{ when: [{ key: 'request.bogus', values: ['x'] }] }],
      }),
    ]);
    expect(result.allowed).toBe(true);
    expect(result.notes.join(' ')).toContain('unknown attribute request.bogus');
  });

  it('R10 an attribute meshlens cannot evaluate: possibly satisfied for DENY, not satisfied for ALLOW', () => {
    const when = [{ key: 'destination.ip', values: ['10.0.0.0/8'] }];
    const deny = decide([ap('d', 'shop', { action: 'DENY', rules: [{ when }] })]);
    expect(deny).toMatchObject({ allowed: false, decidedBy: 'shop/d' });
    expect(deny.notes.join(' ')).toContain('destination.ip');
    const allow = decide([ap('a', 'shop', { rules: [{ when }] })]);
    expect(allow.allowed).toBe(false);
    expect(allow.notes.join(' ')).toContain('destination.ip');
  });

  it('R10 a definite DENY match is reported before a possible one', () => {
    const possible = ap('a-possible', 'shop', {
      action: 'DENY',
      rules: [{ when: [{ key: 'connection.sni', values: ['x'] }] }],
    });
    const definite = ap('b-definite', 'shop', {
      action: 'DENY',
      rules: [{ to: [{ operation: { methods: ['GET'] } }] }],
    });
    const result = decide([possible, definite]);
    expect(result).toMatchObject({ allowed: false, decidedBy: 'shop/b-definite' });
    expect(result.notes.join(' ')).not.toContain('connection.sni');
    expect(decide([possible, definite], { ...GET, method: 'POST' }).decidedBy).toBe(
      'shop/a-possible',
    );
  });

  it('R10 no JWT in the model: requestPrincipals never match, notRequestPrincipals always do', () => {
    const denyNoJwt = ap('require-jwt', 'shop', {
      action: 'DENY',
      rules: [{ from: [{ source: { notRequestPrincipals: ['*'] } }] }],
    });
    expect(decide([denyNoJwt]).allowed).toBe(false);
    const allowJwt = ap('jwt', 'shop', {
      rules: [{ when: [{ key: 'request.auth.claims[iss]', values: ['*'] }] }],
    });
    expect(decide([allowJwt]).allowed).toBe(false);
  });

  it('R10 request.headers reads headers case-insensitively and pseudo-headers', () => {
    const deny = ap('d', 'shop', {
      action: 'DENY',
      rules: [{ when: [{ key: 'request.headers[:method]', values: ['DEL*'] }] }],
    });
    expect(decide([deny], { ...GET, method: 'DELETE' }).allowed).toBe(false);
    expect(decide([deny]).allowed).toBe(true);
    const allow = ap('a', 'shop', {
      rules: [{ when: [{ key: 'request.headers[X-Env]', values: ['*-prod'] }] }],
    });
    expect(decide([allow], { ...GET, headers: { 'x-env': 'eu-prod' } }).allowed).toBe(true);
    expect(decide([allow], { ...GET, headers: { 'x-env': 'eu-dev' } }).allowed).toBe(false);
  });

  it('R10 paths ignore the query and support templates; hosts are case-insensitive', () => {
    const allow = ap('a', 'shop', {
      rules: [
        { to: [{ operation: { paths: ['/api/{*}/items', '/static/*'], hosts: ['*.SHOP'] } }] },
      ],
    });
    expect(decide([allow], { ...GET, path: '/api/v1/items?x=1' }).allowed).toBe(true);
    expect(decide([allow], { ...GET, path: '/api/v1/x/items' }).allowed).toBe(false);
    expect(decide([allow], { ...GET, path: '/static/a.css' }).allowed).toBe(true);
    expect(decide([allow], { ...GET, path: '/static/a.css', host: 'web.other' }).allowed).toBe(
      false,
    );
  });

  it('R10 values OR, notValues exclude, entries of from OR, from AND to', () => {
    const allow = ap('a', 'shop', {
      rules: [
        {
          from: [
            { source: { namespaces: ['shop'], notPrincipals: ['cluster.local/ns/shop/sa/bad'] } },
            { source: { ipBlocks: ['10.1.0.0/16', '2001:db8::/32'] } },
          ],
          to: [{ operation: { methods: ['GET', 'HEAD'], notPaths: ['/admin*'] } }],
        },
      ],
    });
    expect(decide([allow]).allowed).toBe(true);
    expect(decide([allow], { ...GET, path: '/admin/x' }).allowed).toBe(false);
    expect(decide([allow], { ...GET, method: 'POST' }).allowed).toBe(false);
    expect(
      decide([allow], GET, {
        namespace: 'shop',
        principal: 'spiffe://cluster.local/ns/shop/sa/bad',
      }).allowed,
    ).toBe(false);
    expect(
      decide([allow], GET, { namespace: null, principal: null, ip: '2001:db8::7' }).allowed,
    ).toBe(true);
    expect(decide([allow], GET, { namespace: null, principal: null, ip: '10.2.0.1' }).allowed).toBe(
      false,
    );
  });

  it('R10 ports and destination.port compare with the request port', () => {
    const allow = ap('a', 'shop', {
      rules: [
        { to: [{ operation: { ports: [8080] } }] },
        { when: [{ key: 'destination.port', values: ['9090'] }] },
      ],
    });
    expect(decide([allow]).decidedBy).toBe('shop/a');
    expect(decide([allow], { protocol: 'tcp', port: 9090 }).allowed).toBe(true);
    expect(decide([allow], { protocol: 'tcp', port: 7070 }).allowed).toBe(false);
  });
});
