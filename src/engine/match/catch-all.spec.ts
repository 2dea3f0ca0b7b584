import { describe, expect, it } from 'vitest';
import { isCatchAllMatch, isCatchAllRoute } from './catch-all.js';

// Cases adapted from istio/istio:pilot/pkg/networking/core/route/route_test.go (TestIsCatchAllRoute,
// and the older TestIsCatchAllMatch / TestCatchAllMatch), expressed on HTTPMatchRequest JSON.
describe('R5 catch-all matches', () => {
  it.each([
    ['catch all prefix', { name: 'catch-all', uri: { prefix: '/' } }, true],
    ['specific prefix match', { uri: { prefix: '/a' } }, false],
    ['catch all regex', { uri: { regex: '.*' } }, true],
    ['empty match', {}, true],
    [
      'prefix / with headers',
      { uri: { prefix: '/' }, headers: { Authentication: { regex: 'Bearer .+?\\..+?\\..+?' } } },
      false,
    ],
    [
      'regex .* with query params',
      { uri: { regex: '.*' }, queryParams: { Authentication: { regex: 'Bearer .+?' } } },
      false,
    ],
    ['prefix / with withoutHeaders', { uri: { prefix: '/' }, withoutHeaders: { x: {} } }, false],
    ['method becomes a :method header', { method: { exact: 'GET' } }, false],
    [
      'authority becomes an :authority header',
      { uri: { prefix: '/' }, authority: { exact: 'a' } },
      false,
    ],
    ['ignoreUriCase does not matter', { uri: { prefix: '/' }, ignoreUriCase: true }, true],
    // Current istiod: uri regex "*" is not ".*" (and is invalid RE2); Istio <= 1.4 treated it as catch-all.
    ['uri regex "*" is not catch-all', { uri: { regex: '*' } }, false],
  ] as const)('R5 %s', (_name, match, expected) => {
    expect(isCatchAllMatch(match)).toBe(expected);
  });

  it('R5 no match at all is catch-all', () => {
    expect(isCatchAllMatch(undefined)).toBe(true);
    expect(isCatchAllRoute(undefined)).toBe(true);
    expect(isCatchAllRoute([])).toBe(true);
  });

  it('R5 source filters make a match proxy-specific unless they were already applied', () => {
    const match = { uri: { prefix: '/' }, sourceLabels: { matchingNoSrc: 'xxx' } };
    expect(isCatchAllMatch(match)).toBe(false);
    expect(isCatchAllMatch(match, { sourceFiltersApplied: true })).toBe(true);
    expect(isCatchAllMatch({ port: 8080 })).toBe(false);
    expect(isCatchAllMatch({ gateways: ['mesh'] })).toBe(false);
    expect(isCatchAllMatch({ sourceNamespace: 'a' }, { sourceFiltersApplied: true })).toBe(true);
  });

  it('R5 a route is catch-all when any of its matches is (TestCatchAllMatch)', () => {
    expect(isCatchAllRoute([{ uri: { prefix: '/route/v1' } }, { uri: { prefix: '/' } }])).toBe(
      true,
    );
    expect(isCatchAllRoute([{ uri: { prefix: '/route/v1' } }])).toBe(false);
  });
});
