import { describe, expect, it } from 'vitest';
import { canonicalKindName } from './known-kinds.js';

describe('canonicalKindName', () => {
  it.each([
    ['virtualservice', 'VirtualService'],
    ['AUTHORIZATIONPOLICY', 'AuthorizationPolicy'],
    ['deployment', 'Deployment'],
    ['httproute', 'HTTPRoute'],
    ['Service', 'Service'],
  ])('%s is stored as %s', (input, kind) => {
    expect(canonicalKindName(input)).toBe(kind);
  });

  it('leaves a kind it does not know as written', () => {
    expect(canonicalKindName('rollout')).toBe('rollout');
    expect(canonicalKindName('%')).toBe('%');
  });
});
