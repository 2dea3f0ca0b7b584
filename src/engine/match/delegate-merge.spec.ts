import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../model/json.js';
import {
  delegateMatchConflicts,
  describeDelegateMatchConflict,
  mergeDelegateMatch,
  mergeDelegateMatches,
  mergeDelegateRoute,
} from './delegate-merge.js';

const prefix = (p: string) => ({ prefix: p });
const exact = (e: string) => ({ exact: e });
const regex = (r: string) => ({ regex: r });

// TestHasConflict, istio/istio:pilot/pkg/model/virtualservice_test.go.
const HAS_CONFLICT: readonly [string, JsonObject, JsonObject, boolean][] = [
  ['regex uri', { uri: regex('^/productpage') }, { uri: prefix('/productpage/v2') }, true],
  ['regex uri in root and delegate does not have uri', { uri: regex('^/productpage') }, {}, false],
  ['regex uri in delegate and root does not have uri', {}, { uri: regex('^/productpage') }, false],
  [
    'regex uri in root and delegate has conflicting uri match',
    { uri: regex('^/productpage') },
    { uri: prefix('/productpage') },
    true,
  ],
  [
    'regex uri in delegate and root has conflicting uri match',
    { uri: prefix('/productpage') },
    { uri: regex('^/productpage') },
    true,
  ],
  ['match uri', { uri: prefix('/productpage') }, { uri: prefix('/productpage/v2') }, false],
  ['mismatch uri', { uri: prefix('/productpage/v2') }, { uri: prefix('/productpage') }, true],
  ['match uri exact', { uri: prefix('/productpage/v2') }, { uri: exact('/productpage/v2') }, false],
  [
    'headers not equal',
    { headers: { header: exact('h1') } },
    { headers: { header: exact('h2') } },
    true,
  ],
  [
    'headers equal',
    { headers: { header: exact('h1') } },
    { headers: { header: exact('h1') } },
    false,
  ],
  [
    'headers match',
    { headers: { header: prefix('h1') } },
    { headers: { header: exact('h1-v1') } },
    false,
  ],
  [
    'headers mismatch',
    { headers: { header: prefix('h1') } },
    { headers: { header: exact('h2') } },
    true,
  ],
  [
    'headers prefix mismatch',
    { headers: { header: prefix('h1') } },
    { headers: { header: prefix('h2') } },
    true,
  ],
  [
    'diff headers',
    { headers: { header: exact('h1') } },
    { headers: { 'header-2': exact('h2') } },
    false,
  ],
  [
    'withoutHeaders mismatch',
    { withoutHeaders: { header: prefix('h1') } },
    { withoutHeaders: { header: exact('h2') } },
    true,
  ],
  ['port 0 vs 8080', { port: 0 }, { port: 8080 }, false],
  ['port 8080 vs 0', { port: 8080 }, { port: 0 }, false],
  ['port 8080 vs 8090', { port: 8080 }, { port: 8090 }, true],
  ['sourceLabels mismatch', { sourceLabels: { a: 'b' } }, { sourceLabels: { a: 'c' } }, true],
  ['sourceNamespace mismatch', { sourceNamespace: 'test1' }, { sourceNamespace: 'test2' }, true],
  [
    'root has less gateways than delegate',
    { gateways: ['ingress-gateway'] },
    { gateways: ['ingress-gateway', 'mesh'] },
    true,
  ],
];

describe('R6 delegate match conflicts (hasConflict)', () => {
  it.each(HAS_CONFLICT)('R6 %s', (_name, root, leaf, expected) => {
    expect(delegateMatchConflicts(root, leaf)).toBe(expected);
  });

  it('R6 a root sourceNamespace must be repeated; ignoreUriCase must agree; reasons are given', () => {
    expect(describeDelegateMatchConflict({ sourceNamespace: 'a' }, {})).toContain(
      'sourceNamespace a',
    );
    expect(delegateMatchConflicts({ sourceNamespace: 'a' }, { sourceNamespace: 'a' })).toBe(false);
    expect(describeDelegateMatchConflict({ ignoreUriCase: true }, {})).toBe(
      'ignoreUriCase differs from the root',
    );
    expect(describeDelegateMatchConflict({ uri: exact('/a') }, { uri: exact('/b') })).toBe(
      "uri does not fall inside the root's",
    );
  });
});

describe('R6 delegate match merge (mergeHTTPMatchRequests)', () => {
  it('R6 url match: the delegate exact replaces the root prefix', () => {
    expect(
      mergeDelegateMatches([{ uri: prefix('/productpage') }], [{ uri: exact('/productpage/v1') }]),
    ).toEqual({
      matches: [{ uri: exact('/productpage/v1') }],
      conflict: null,
    });
  });

  it('R6 url regex noconflict: an empty delegate match inherits the root regex', () => {
    expect(mergeDelegateMatches([{ uri: regex('^/productpage') }], [{}]).matches).toEqual([
      { uri: regex('^/productpage') },
    ]);
  });

  it('R6 url regex conflict and url mismatch drop the route', () => {
    expect(
      mergeDelegateMatches([{ uri: regex('^/productpage') }], [{ uri: prefix('/productpage') }])
        .matches,
    ).toBeUndefined();
    expect(
      mergeDelegateMatches([{ uri: prefix('/productpage') }], [{ uri: exact('/reviews') }])
        .conflict,
    ).toContain('match[0]');
    expect(
      mergeDelegateMatches(
        [{ uri: prefix('/productpage') }],
        [{ uri: exact('/productpage/v1') }, { uri: exact('/reviews') }],
      ).conflict,
    ).toContain('match[1]');
  });

  it('R6 multi url match: each delegate match pairs with the root matches it fits', () => {
    const merged = mergeDelegateMatches(
      [{ uri: prefix('/productpage') }, { uri: prefix('/reviews') }],
      [{ uri: exact('/productpage/v1') }, { uri: exact('/reviews/v1') }],
    );
    expect(merged.matches).toEqual([
      { uri: exact('/productpage/v1') },
      { uri: exact('/reviews/v1') },
    ]);
  });

  it('R6 headers: root-only headers are kept, both sides merged, missing delegate matches keep the root', () => {
    expect(mergeDelegateMatches([{ headers: { header: exact('h1') } }], []).matches).toEqual([
      { headers: { header: exact('h1') } },
    ]);
    expect(
      mergeDelegateMatches(
        [{ headers: { header: exact('h1') } }],
        [{ headers: { header: exact('h2') } }],
      ).matches,
    ).toBeUndefined();
    expect(
      mergeDelegateMatches(
        [{ headers: { header: exact('h1') } }],
        [{ headers: { 'header-2': exact('h2') } }],
      ).matches,
    ).toEqual([{ headers: { header: exact('h1'), 'header-2': exact('h2') } }]);
  });

  it('R6 complicated merge: port, authority and headers come from the root', () => {
    const root = {
      uri: prefix('/productpage'),
      headers: { header: exact('h1') },
      port: 8080,
      authority: exact('productpage.com'),
    };
    const merged = mergeDelegateMatches(
      [root],
      [{ uri: exact('/productpage/v1') }, { uri: exact('/productpage/v2') }],
    );
    expect(merged.matches).toEqual([
      {
        uri: exact('/productpage/v1'),
        headers: { header: exact('h1') },
        port: 8080,
        authority: exact('productpage.com'),
      },
      {
        uri: exact('/productpage/v2'),
        headers: { header: exact('h1') },
        port: 8080,
        authority: exact('productpage.com'),
      },
    ]);
    expect(
      mergeDelegateMatches(
        [root],
        [{ uri: exact('/productpage/v1') }, { uri: exact('/productpage/v2'), port: 9090 }],
      ).matches,
    ).toBeUndefined();
  });

  it('R6 gateways: a delegate subset of the root gateways merges, others conflict', () => {
    const root = [{ uri: prefix('/productpage'), gateways: ['ingress-gateway', 'mesh'] }];
    expect(
      mergeDelegateMatches(root, [{ uri: exact('/productpage/v1'), gateways: ['ingress-gateway'] }])
        .matches,
    ).toEqual([{ uri: exact('/productpage/v1'), gateways: ['ingress-gateway'] }]);
    const narrow = [{ uri: prefix('/productpage'), gateways: ['ingress-gateway'] }];
    expect(
      mergeDelegateMatches(narrow, [{ uri: exact('/productpage/v2'), gateways: ['mesh'] }]).matches,
    ).toBeUndefined();
  });

  it('R6 source labels merge; names join as root-delegate', () => {
    expect(
      mergeDelegateMatch({ sourceLabels: { app: 'test' } }, { sourceLabels: { version: 'v1' } }),
    ).toEqual({
      sourceLabels: { app: 'test', version: 'v1' },
    });
    expect(mergeDelegateMatch({ name: 'r' }, { name: 'd' })['name']).toBe('r-d');
    expect(mergeDelegateMatch({ name: 'r' }, {})['name']).toBe('r');
    expect(
      mergeDelegateMatch({ sourceNamespace: 'ns', statPrefix: 'p' }, { sourceNamespace: 'ns' }),
    ).toEqual({
      sourceNamespace: 'ns',
      statPrefix: 'p',
    });
  });
});

describe('R6 delegate route merge (mergeHTTPRoute)', () => {
  const root = {
    name: 'root',
    match: [{ uri: prefix('/productpage') }],
    delegate: { name: 'productpage', namespace: 'nsA' },
    timeout: '5s',
    retries: { attempts: 3 },
    headers: { request: { set: { a: 'b' } } },
  };

  it('R6 the delegate route inherits unset fields and keeps its own', () => {
    const merged = mergeDelegateRoute(root, {
      name: 'v1',
      match: [{ uri: exact('/productpage/v1') }],
      route: [{ destination: { host: 'productpage-v1' } }],
      timeout: '1s',
    });
    expect(merged).toEqual({
      name: 'root-v1',
      match: [{ uri: exact('/productpage/v1') }],
      route: [{ destination: { host: 'productpage-v1' } }],
      timeout: '1s',
      retries: { attempts: 3 },
      headers: { request: { set: { a: 'b' } } },
    });
  });

  it('R6 a delegate route without matches takes the root matches; a conflicting one is dropped', () => {
    expect(
      mergeDelegateRoute(root, { route: [{ destination: { host: 'x' } }] })?.['match'],
    ).toEqual([{ uri: prefix('/productpage') }]);
    expect(mergeDelegateRoute(root, { match: [{ uri: exact('/reviews') }], route: [] })).toBeNull();
  });
});
