import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isJsonObject, type JsonObject, type JsonValue } from '../model/json.js';
import { resourcesFromYaml } from '../policy/test-resources.js';
import { matchHttpRequest, matchHttpRoute } from './http-match.js';
import type { HttpRequestAttributes, MatchContext } from './match-types.js';
import { resolveGatewayName } from './source-match.js';

const CORPUS = new URL('../../../../shared/corpus/istio-samples/', import.meta.url);

/** `spec.http[i].match` of the first VirtualService named `name` in a corpus file. */
function httpMatches(file: string, name: string): JsonValue[][] {
  const vs = resourcesFromYaml(readFileSync(new URL(file, CORPUS), 'utf8')).find(
    (r) => r.key.kind === 'VirtualService' && r.key.name === name,
  );
  const spec = vs?.body['spec'];
  const http = isJsonObject(spec) && Array.isArray(spec['http']) ? spec['http'] : [];
  return http.map((route) =>
    isJsonObject(route) && Array.isArray(route['match']) ? route['match'] : [],
  );
}

const GET = (path: string, headers: Record<string, string> = {}): HttpRequestAttributes => ({
  authority: 'reviews',
  method: 'GET',
  path,
  scheme: 'http',
  headers,
});
const MESH: MatchContext = {
  sourceLabels: { app: 'productpage', version: 'v1' },
  sourceNamespace: 'default',
  gateway: 'mesh',
  port: 9080,
};

/** Index of the first route whose matches accept the request (routes without match are catch-all). */
function firstRoute(
  routes: readonly JsonValue[][],
  request: HttpRequestAttributes,
  ctx: MatchContext,
): number {
  return routes.findIndex((m) => matchHttpRoute(m, request, ctx).matched);
}

describe('R4 R5 HTTP route matching on Istio samples', () => {
  const reviews = httpMatches(
    'samples/bookinfo/networking/virtual-service-reviews-test-v2.yaml',
    'reviews',
  );

  it('R5 bookinfo reviews-test-v2: end-user jason goes to the first route, others fall through', () => {
    expect(firstRoute(reviews, GET('/reviews/0', { 'end-user': 'jason' }), MESH)).toBe(0);
    expect(firstRoute(reviews, GET('/reviews/0', { 'End-User': 'jason' }), MESH)).toBe(0);
    expect(firstRoute(reviews, GET('/reviews/0', { 'end-user': 'Jason' }), MESH)).toBe(1);
    expect(firstRoute(reviews, GET('/reviews/0'), MESH)).toBe(1);
  });

  it('R5 reasons name the condition that decided', () => {
    expect(matchHttpRoute(reviews[0], GET('/', { 'end-user': 'jason' }), MESH).reason).toBe(
      'header end-user exact jason matched',
    );
    expect(matchHttpRoute(reviews[0], GET('/', { 'end-user': 'bob' }), MESH).reason).toBe(
      'header end-user exact jason did not match',
    );
    expect(matchHttpRoute(reviews[0], GET('/'), MESH).reason).toBe(
      'header end-user exact jason did not match (absent)',
    );
    expect(matchHttpRoute(reviews[1], GET('/'), MESH)).toMatchObject({
      matched: true,
      matchIndex: null,
    });
  });

  it('R4 rule-regex-route: header regex is an RE2 full match, and sourceLabels must hold', () => {
    const routes = httpMatches('tests/testdata/config/rule-regex-route.yaml', 'regex-route');
    const v1 = { ...MESH, sourceLabels: { version: 'v1' } };
    expect(firstRoute(routes, GET('/', { foo: 'bar' }), v1)).toBe(0);
    expect(firstRoute(routes, GET('/', { foo: 'abar' }), v1)).toBe(1);
    expect(
      firstRoute(routes, GET('/', { foo: 'bar' }), { ...MESH, sourceLabels: { version: 'v2' } }),
    ).toBe(1);
    expect(
      matchHttpRoute(routes[0], GET('/', { foo: 'bar' }), { ...MESH, sourceLabels: {} }).reason,
    ).toBe('sourceLabels version=v1 did not match');
  });

  it('R4 virtual-service-all: cookie regex and uri prefix', () => {
    const routes = httpMatches('tests/testdata/config/virtual-service-all.yaml', 'all');
    const ctx = { ...MESH, gateway: 'default/my-gateway' };
    expect(firstRoute(routes, GET('/x', { cookie: 'a=1;user=dev-123' }), ctx)).toBe(0);
    expect(firstRoute(routes, GET('/reviews/1', { cookie: 'user=dev-1234' }), ctx)).toBe(1);
    expect(firstRoute(routes, GET('/x', { cookie: 'a=1; user=dev-123' }), ctx)).toBe(-1);
  });
});

describe('R4 HTTPMatchRequest fields', () => {
  const req = GET('/api/v1/Items?id=7&debug', { 'x-env': 'prod' });
  const m = (match: JsonObject, request = req, ctx = MESH) => matchHttpRequest(match, request, ctx);

  it('R4 uri exact/prefix/regex; regex is anchored; exact and regex ignore the query string', () => {
    expect(m({ uri: { prefix: '/api' } })).toEqual({
      matched: true,
      reason: 'uri prefix /api matched',
    });
    expect(m({ uri: { exact: '/api/v1/Items' } }).matched).toBe(true);
    expect(m({ uri: { regex: '/api/v[0-9]+/.*' } }).matched).toBe(true);
    expect(m({ uri: { regex: '/api' } }).matched).toBe(false);
    expect(m({ uri: { regex: 'v1' } }).matched).toBe(false);
  });

  it('R4 ignoreUriCase folds exact and prefix but not regex', () => {
    expect(m({ uri: { exact: '/api/v1/items' }, ignoreUriCase: true }).matched).toBe(true);
    expect(m({ uri: { exact: '/api/v1/items' } }).matched).toBe(false);
    expect(m({ uri: { regex: '/api/v1/items' }, ignoreUriCase: true }).matched).toBe(false);
  });

  it('R4 RE2 syntax is translated: leading (?i) and (?P<name>)', () => {
    expect(m({ uri: { regex: '(?i)/API/V1/ITEMS' } }).matched).toBe(true);
    expect(m({ uri: { regex: '/api/(?P<ver>v1)/Items' } }).matched).toBe(true);
    expect(m({ uri: { regex: '/api/(' } }).reason).toContain('not supported by ECMAScript');
  });

  it('R4 header presence: {} and regex "*" test presence; withoutHeaders inverts', () => {
    expect(m({ headers: { 'x-env': {} } }).matched).toBe(true);
    expect(m({ headers: { 'x-env': { regex: '*' } } }).matched).toBe(true);
    expect(m({ headers: { 'x-missing': {} } }).matched).toBe(false);
    expect(m({ withoutHeaders: { 'x-env': {} } }).matched).toBe(false);
    expect(m({ withoutHeaders: { 'x-missing': {} } }).matched).toBe(true);
    expect(m({ withoutHeaders: { 'x-env': { exact: 'dev' } } }).matched).toBe(true);
    expect(m({ withoutHeaders: { 'x-missing': { exact: 'dev' } } }).matched).toBe(true);
    expect(m({ headers: { 'x-env': { exact: '' } } }).matched).toBe(false);
  });

  it('R4 queryParams: value match and presence', () => {
    expect(m({ queryParams: { id: { exact: '7' } } }).matched).toBe(true);
    expect(m({ queryParams: { id: { regex: '[0-9]+' } } }).matched).toBe(true);
    expect(m({ queryParams: { debug: {} } }).matched).toBe(true);
    expect(m({ queryParams: { debug: { exact: '' } } }).matched).toBe(true);
    expect(m({ queryParams: { other: {} } }).reason).toBe(
      'queryParam other present did not match (absent)',
    );
  });

  it('R4 method, authority and scheme', () => {
    expect(
      m({ method: { exact: 'GET' }, scheme: { exact: 'http' }, authority: { prefix: 'rev' } })
        .matched,
    ).toBe(true);
    expect(m({ method: { exact: 'POST' } }).reason).toBe('method exact POST did not match');
  });

  it('R4 port must equal the listener port', () => {
    expect(m({ port: 9080 }).matched).toBe(true);
    expect(m({ port: 80 }).reason).toBe('port 80 did not match (request on 9080)');
  });

  it('R4 gateways replace the sourceLabels and sourceNamespace checks', () => {
    const gw = { ...MESH, gateway: 'default/bookinfo-gateway', vsNamespace: 'default' };
    const match = {
      gateways: ['bookinfo-gateway'],
      sourceLabels: { app: 'nobody' },
      sourceNamespace: 'elsewhere',
    };
    expect(m(match, req, gw).matched).toBe(true);
    expect(m(match, req, MESH).reason).toBe('gateways [bookinfo-gateway] do not include mesh');
    expect(m({ sourceLabels: { app: 'productpage' }, sourceNamespace: 'default' }).matched).toBe(
      true,
    );
    expect(m({ sourceNamespace: 'other' }).matched).toBe(false);
  });

  it('R2 gateway names resolve against the VirtualService namespace', () => {
    expect(resolveGatewayName('gw', 'ns1')).toBe('ns1/gw');
    expect(resolveGatewayName('./gw', 'ns1')).toBe('ns1/gw');
    expect(resolveGatewayName('other/gw', 'ns1')).toBe('other/gw');
    expect(resolveGatewayName('gw.ingress.svc.cluster.local', 'ns1')).toBe('ingress/gw');
    expect(resolveGatewayName('gw.ingress', 'ns1')).toBe('ingress/gw');
    expect(resolveGatewayName('mesh', 'ns1')).toBe('mesh');
  });

  it('R5 match[] is an OR; a missing match is a catch-all', () => {
    const matches = [
      { uri: { prefix: '/other' } },
      { uri: { prefix: '/api' }, headers: { 'x-env': { exact: 'prod' } } },
    ];
    expect(matchHttpRoute(matches, req, MESH)).toMatchObject({ matched: true, matchIndex: 1 });
    const miss = matchHttpRoute(matches, GET('/x'), MESH);
    expect(miss.matched).toBe(false);
    expect(miss.reason).toBe(
      'match[0]: uri prefix /other did not match; match[1]: uri prefix /api did not match',
    );
    expect(matchHttpRoute(undefined, req, MESH).matched).toBe(true);
    expect(matchHttpRequest(undefined, req, MESH).matched).toBe(true);
  });
});
