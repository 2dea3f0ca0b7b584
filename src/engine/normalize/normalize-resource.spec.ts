import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../model/json.js';
import { canonicalJson } from './canonical-json.js';
import { normalizeResource } from './normalize-resource.js';
import { REDACTED_KEYS_ANNOTATION } from './redact-secret.js';

const exported: JsonObject = {
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  metadata: {
    name: 'reviews',
    namespace: 'prod',
    uid: '1b4e28ba-2fa1-11d2-883f-0016d3cca427',
    resourceVersion: '12345',
    generation: 4,
    selfLink: '/apis/networking.istio.io/v1/namespaces/prod/virtualservices/reviews',
    creationTimestamp: '2024-05-01T10:00:00Z',
    managedFields: [{ manager: 'kubectl', operation: 'Apply' }],
    labels: { app: 'reviews' },
    annotations: {
      'kubectl.kubernetes.io/last-applied-configuration': '{"spec":{}}',
      owner: 'team-a',
    },
  },
  spec: { hosts: ['reviews'] },
  status: { observedGeneration: 4 },
};

const target = { group: 'networking.istio.io', kind: 'VirtualService', namespace: 'prod' };

describe('normalizeResource', () => {
  it('strips status and server-managed metadata, keeps creationTimestamp and user annotations', () => {
    expect(normalizeResource(exported, target)).toEqual({
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: {
        name: 'reviews',
        namespace: 'prod',
        creationTimestamp: '2024-05-01T10:00:00Z',
        labels: { app: 'reviews' },
        annotations: { owner: 'team-a' },
      },
      spec: { hosts: ['reviews'] },
    });
  });

  it('drops annotations left empty once last-applied-configuration is gone', () => {
    const object = {
      ...exported,
      metadata: {
        name: 'a',
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' },
      },
    };
    expect(normalizeResource(object, target)['metadata']).toEqual({ name: 'a', namespace: 'prod' });
  });

  it('sets the defaulted namespace, and drops it for cluster-scoped kinds', () => {
    const object: JsonObject = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'prod', namespace: 'x' },
    };
    expect(
      normalizeResource(object, { group: '', kind: 'Namespace', namespace: '' })['metadata'],
    ).toEqual({ name: 'prod' });
  });

  it('does not modify its input', () => {
    const before = JSON.stringify(exported);
    normalizeResource(exported, target);
    expect(JSON.stringify(exported)).toBe(before);
  });

  it('is idempotent: normalising a stored object again changes nothing', () => {
    const once = normalizeResource(exported, target);
    expect(canonicalJson(normalizeResource(once, target))).toBe(canonicalJson(once));
  });
});

describe('normalizeResource: Secrets', () => {
  const secret: JsonObject = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: 'db',
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration': '{"data":{"password":"c2VjcmV0"}}',
      },
    },
    type: 'Opaque',
    data: { password: 'c2VjcmV0', user: 'YWRtaW4=' },
    stringData: { token: 'plain-secret', password: 'again' },
  };
  const secretTarget = { group: '', kind: 'Secret', namespace: 'default' };

  it('removes data and stringData entirely and keeps their sorted key names in an annotation', () => {
    const stored = normalizeResource(secret, secretTarget);
    expect(stored).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 'db',
        namespace: 'default',
        annotations: { [REDACTED_KEYS_ANNOTATION]: 'password,token,user' },
      },
      type: 'Opaque',
    });
    expect(canonicalJson(stored)).not.toMatch(/c2VjcmV0|YWRtaW4|plain-secret|again/);
  });

  it('export then re-ingest gives the same canonical JSON (the annotation is kept as is)', () => {
    const stored = normalizeResource(secret, secretTarget);
    expect(canonicalJson(normalizeResource(stored, secretTarget))).toBe(canonicalJson(stored));
  });

  it('leaves Secret-named kinds of other groups alone', () => {
    const other = {
      apiVersion: 'example.com/v1',
      kind: 'Secret',
      metadata: { name: 'x' },
      data: { a: 1 },
    };
    expect(
      normalizeResource(other, { group: 'example.com', kind: 'Secret', namespace: 'default' })[
        'data'
      ],
    ).toEqual({ a: 1 });
  });
});
