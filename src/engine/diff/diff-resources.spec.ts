import { readdirSync, readFileSync } from 'node:fs';
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { isJsonObject, type JsonObject, type JsonValue } from '../model/json.js';
import { groupOf, type Resource } from '../model/resource.js';
import { diffResources } from './diff-resources.js';
import { REDACTED } from './resource-change.js';

const SCENARIOS = new URL('../../../../shared/scenarios/', import.meta.url);

/** Tiny stand-in for ingest: a parsed document → Resource (namespace defaulted to `default`). */
function toResource(body: JsonObject): Resource {
  const text = (value: JsonValue | undefined, fallback = ''): string =>
    typeof value === 'string' ? value : fallback;
  const apiVersion = text(body['apiVersion']);
  const metadata = isJsonObject(body['metadata']) ? body['metadata'] : {};
  const kind = text(body['kind']);
  const namespace = kind === 'Namespace' ? '' : text(metadata['namespace'], 'default');
  const key = { group: groupOf(apiVersion), kind, namespace, name: text(metadata['name']) };
  return { key, apiVersion, body, known: true };
}

function loadSnapshot(folder: URL): Resource[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .flatMap((file) => loadAll(readFileSync(new URL(file, folder), 'utf8')))
    .filter(isJsonObject)
    .map(toResource);
}

function vs(
  spec: JsonObject,
  namespace = 'default',
  apiVersion = 'networking.istio.io/v1',
): Resource {
  return toResource({
    apiVersion,
    kind: 'VirtualService',
    metadata: { name: 'reviews', namespace },
    spec,
  });
}

function service(spec: JsonObject, metadata: JsonObject = {}): Resource {
  return toResource({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'reviews', namespace: 'default', ...metadata },
    spec,
  });
}

describe('diffResources: scenario 01 (canary 10 %)', () => {
  it('reports the weight added to route[0] and the new route[1] of default/reviews only', () => {
    const folder = new URL('01-canary-10-percent/', SCENARIOS);
    const changes = diffResources(
      loadSnapshot(new URL('before/', folder)),
      loadSnapshot(new URL('after/', folder)),
    );
    expect(changes).toEqual([
      {
        apiVersion: 'networking.istio.io/v1',
        kind: 'VirtualService',
        namespace: 'default',
        name: 'reviews',
        change: 'modified',
        fields: [
          { path: 'spec.http[0].route[0].weight', after: 90 },
          {
            path: 'spec.http[0].route[1]',
            after: { destination: { host: 'reviews', subset: 'v2' }, weight: 10 },
          },
        ],
      },
    ]);
  });

  it('reports a weight shift 10 → 50 at its index path with before and after', () => {
    const route = (w1: number, w2: number): JsonObject => ({
      http: [
        {
          route: [
            { destination: { host: 'reviews', subset: 'v1' }, weight: w1 },
            { destination: { host: 'reviews', subset: 'v2' }, weight: w2 },
          ],
        },
      ],
    });
    const [change] = diffResources([vs(route(90, 10))], [vs(route(50, 50))]);
    expect(change?.fields).toEqual([
      { path: 'spec.http[0].route[0].weight', before: 90, after: 50 },
      { path: 'spec.http[0].route[1].weight', before: 10, after: 50 },
    ]);
  });

  it('keeps route order significant: swapping two http rules is a change', () => {
    const a = { match: [{ uri: { prefix: '/a' } }], route: [{ destination: { host: 'a' } }] };
    const b = { route: [{ destination: { host: 'b' } }] };
    expect(diffResources([vs({ http: [a, b] })], [vs({ http: [b, a] })])).toHaveLength(1);
  });
});

describe('diffResources: object matching', () => {
  it('SEMANTICS §0 an apiVersion move v1beta1 → v1 with the same spec is no change', () => {
    const spec = { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews' } }] }] };
    const before = vs(spec, 'default', 'networking.istio.io/v1beta1');
    expect(diffResources([before], [vs(spec)])).toEqual([]);
  });

  it('an apiVersion move with a real change is one modification carrying the new apiVersion', () => {
    const before = vs({ hosts: ['reviews'] }, 'default', 'networking.istio.io/v1alpha3');
    const [change] = diffResources([before], [vs({ hosts: ['ratings'] })]);
    expect(change).toMatchObject({ apiVersion: 'networking.istio.io/v1', change: 'modified' });
    expect(change?.fields).toEqual([
      { path: 'spec.hosts[0]', before: 'reviews', after: 'ratings' },
    ]);
  });

  it('reports added and removed objects without field lists, sorted by kind, namespace, name', () => {
    const cm = (name: string, namespace: string): Resource =>
      toResource({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data: {} });
    const changes = diffResources([cm('b', 'x'), vs({})], [cm('a', 'y'), cm('a', 'x')]);
    expect(changes.map((c) => [c.kind, c.namespace, c.name, c.change, c.fields.length])).toEqual([
      ['ConfigMap', 'x', 'a', 'added', 0],
      ['ConfigMap', 'x', 'b', 'removed', 0],
      ['ConfigMap', 'y', 'a', 'added', 0],
      ['VirtualService', 'default', 'reviews', 'removed', 0],
    ]);
  });

  it('ignores status and server-managed metadata', () => {
    const managed = {
      uid: 'u1',
      resourceVersion: '7',
      generation: 3,
      creationTimestamp: '2026-01-01T00:00:00Z',
      managedFields: [{ manager: 'kubectl' }],
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"spec":{}}' },
    };
    const before = service({ selector: { app: 'reviews' } });
    const after = service({ selector: { app: 'reviews' } }, managed);
    const withStatus = toResource({ ...after.body, status: { loadBalancer: {} } });
    expect(diffResources([before], [withStatus])).toEqual([]);
  });

  it('quotes annotation keys with dots or slashes and never prints stripped annotations', () => {
    const before = service({}, { annotations: { 'deployment.kubernetes.io/revision': '3' } });
    const after = service({}, { annotations: { 'sidecar.istio.io/inject': 'false' } });
    expect(diffResources([before], [after])[0]?.fields).toEqual([
      { path: 'metadata.annotations["sidecar.istio.io/inject"]', after: 'false' },
    ]);
  });

  it('is deterministic: same input, in any order, gives byte-identical JSON', () => {
    const folder = new URL('02-blue-green-flip/', SCENARIOS);
    const before = loadSnapshot(new URL('before/', folder));
    const after = loadSnapshot(new URL('after/', folder));
    const first = JSON.stringify(diffResources(before, after));
    expect(JSON.stringify(diffResources(before, after))).toBe(first);
    expect(JSON.stringify(diffResources([...before].reverse(), [...after].reverse()))).toBe(first);
    expect(first).not.toBe('[]');
  });
});

describe('diffResources: kustomize hash-suffix renames', () => {
  const cm = (name: string, data: JsonObject, kind = 'ConfigMap'): Resource =>
    toResource({ apiVersion: 'v1', kind, metadata: { name, namespace: 'default' }, data });

  it('a removed app-config-<hash> and an added app-config-<hash> are one modification', () => {
    const before = cm('app-config-7g2k9m5t8h', { LOG_LEVEL: 'info' });
    const after = cm('app-config-b4f6h8k2m9', { LOG_LEVEL: 'debug' });
    expect(diffResources([before], [after])).toEqual([
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        namespace: 'default',
        name: 'app-config-b4f6h8k2m9',
        change: 'modified',
        renamedFrom: 'app-config-7g2k9m5t8h',
        fields: [
          { path: 'data.LOG_LEVEL', before: 'info', after: 'debug' },
          {
            path: 'metadata.name',
            before: 'app-config-7g2k9m5t8h',
            after: 'app-config-b4f6h8k2m9',
          },
        ],
      },
    ]);
  });

  it('does not pair names without a hash suffix, other base names, or ambiguous groups', () => {
    const plain = diffResources([cm('app-config', {})], [cm('app-config-b4f6h8k2m9', {})]);
    expect(plain.map((c) => c.change)).toEqual(['removed', 'added']);
    const otherBase = diffResources([cm('app-7g2k9m5t8h', {})], [cm('web-b4f6h8k2m9', {})]);
    expect(otherBase.map((c) => c.change)).toEqual(['removed', 'added']);
    const ambiguous = diffResources(
      [cm('app-7g2k9m5t8h', {}), cm('app-7g2k9m5t8k', {})],
      [cm('app-b4f6h8k2m9', {})],
    );
    expect(ambiguous.map((c) => c.change).sort()).toEqual(['added', 'removed', 'removed']);
  });
});

describe('diffResources: Secrets', () => {
  const secret = (name: string, data: JsonObject): Resource =>
    toResource({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name, namespace: 'default' },
      data,
    });

  it('never prints a Secret value, only which keys changed', () => {
    const before = secret('db', { password: 'c2VjcmV0LW9uZQ==', user: 'YWRtaW4=' });
    const after = secret('db', { password: 'c2VjcmV0LXR3bw==', token: 'dG9rZW4tdmFsdWU=' });
    const changes = diffResources([before], [after]);
    expect(changes[0]?.fields).toEqual([
      { path: 'data.password', before: REDACTED, after: REDACTED },
      { path: 'data.token', after: REDACTED },
      { path: 'data.user', before: REDACTED },
    ]);
    const json = JSON.stringify(changes);
    for (const value of ['c2VjcmV0LW9uZQ==', 'c2VjcmV0LXR3bw==', 'YWRtaW4=', 'dG9rZW4tdmFsdWU=']) {
      expect(json).not.toContain(value);
    }
  });

  it('redacts a whole data map that appears, keeping its keys, also across a rename', () => {
    const before = toResource({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'tls-7g2k9m5t8h', namespace: 'default' },
    });
    const after = secret('tls-b4f6h8k2m9', { 'tls.key': 'UFJJVkFURQ==' });
    const [change] = diffResources([before], [after]);
    expect(change?.renamedFrom).toBe('tls-7g2k9m5t8h');
    expect(change?.fields[0]).toEqual({ path: 'data', after: { 'tls.key': REDACTED } });
    expect(JSON.stringify(change)).not.toContain('UFJJVkFURQ==');
  });
});
