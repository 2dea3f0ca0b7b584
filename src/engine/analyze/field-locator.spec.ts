import { describe, expect, it } from 'vitest';
import type { Resource } from '../model/resource.js';
import { createFieldLocator, parseFieldPath } from './field-locator.js';

describe('field locator', () => {
  it('parses Kubernetes field paths, bracketed keys included', () => {
    expect(parseFieldPath('spec.http[0].route[1].destination')).toEqual([
      'spec',
      'http',
      0,
      'route',
      1,
      'destination',
    ]);
    expect(
      parseFieldPath('metadata.annotations[gateway.networking.k8s.io/bundle-version]'),
    ).toEqual(['metadata', 'annotations', 'gateway.networking.k8s.io/bundle-version']);
  });

  it('finds the line of a field in the right document of a file', () => {
    const text =
      'a: 1\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  ports:\n  - port: 80\n  - port: 81\n';
    const resource: Resource = {
      key: { group: '', kind: 'Service', namespace: 'default', name: 'x' },
      apiVersion: 'v1',
      body: {},
      known: true,
      source: { file: 'f.yaml', document: 1, line: 3, column: 1 },
    };
    const locate = createFieldLocator([{ name: 'f.yaml', text }]);
    expect(locate(resource, 'spec.ports[1]')).toBe(10);
    expect(locate(resource, 'spec.ports[1].missing')).toBe(10);
    expect(
      locate(
        { ...resource, source: { file: 'other.yaml', document: 0, line: 1, column: 1 } },
        'spec',
      ),
    ).toBeNull();
  });
});
