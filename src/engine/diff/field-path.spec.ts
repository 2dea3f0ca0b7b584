import { describe, expect, it } from 'vitest';
import { childPattern, compareFieldPaths, formatFieldPath } from './field-path.js';

describe('formatFieldPath', () => {
  it('prints index paths in the contract style', () => {
    expect(formatFieldPath(['spec', 'http', 0, 'route', 1, 'weight'])).toBe(
      'spec.http[0].route[1].weight',
    );
    expect(formatFieldPath(['metadata', 'labels', 'app'])).toBe('metadata.labels.app');
  });

  it('quotes keys with dots, slashes, leading digits or nothing at all', () => {
    expect(formatFieldPath(['metadata', 'annotations', 'sidecar.istio.io/inject'])).toBe(
      'metadata.annotations["sidecar.istio.io/inject"]',
    );
    expect(formatFieldPath(['spec', 'portLevelMtls', '8080', 'mode'])).toBe(
      'spec.portLevelMtls["8080"].mode',
    );
    expect(formatFieldPath(['data', ''])).toBe('data[""]');
    expect(formatFieldPath(['x-request-id'])).toBe('x-request-id');
  });

  it('builds list patterns with [] for any index', () => {
    expect(childPattern(childPattern(childPattern('', 'spec'), 'subsets'), 3)).toBe(
      'spec.subsets[]',
    );
  });
});

describe('compareFieldPaths', () => {
  it('orders indices numerically and a prefix before its extensions', () => {
    const paths = [
      ['a', 10],
      ['a', 2, 'b'],
      ['a', 2],
      ['a', 'x'],
    ];
    const sorted = [...paths].sort(compareFieldPaths).map(formatFieldPath);
    expect(sorted).toEqual(['a[2]', 'a[2].b', 'a[10]', 'a.x']);
  });
});
