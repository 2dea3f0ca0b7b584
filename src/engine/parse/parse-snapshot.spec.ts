import { describe, expect, it } from 'vitest';
import type { InputError } from '../model/input-error.js';
import type { SourceFile } from '../model/source-file.js';
import { parseSnapshot, type ParsedSnapshot } from './parse-snapshot.js';
import type { ParseOptions } from './parse-options.js';

const OPTIONS: ParseOptions = { defaultNamespace: 'default' };

function parsed(files: SourceFile[], options: ParseOptions = OPTIONS): ParsedSnapshot {
  const result = parseSnapshot(files, options);
  if (!result.ok) {
    throw new Error(`unexpected error: ${JSON.stringify(result.error)}`);
  }
  return result.value;
}

function failed(files: SourceFile[], options: ParseOptions = OPTIONS): InputError {
  const result = parseSnapshot(files, options);
  if (result.ok) {
    throw new Error('expected the snapshot to be rejected');
  }
  return result.error;
}

const VS = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts: [reviews]
  http:
  - route:
    - destination:
        host: reviews
        subset: v1
      weight: 100
`;

describe('parseSnapshot', () => {
  it('defaults the namespace of namespaced objects and writes it into the stored body', () => {
    const [resource] = parsed([{ name: 'vs.yaml', text: VS }], {
      defaultNamespace: 'team-a',
    }).resources;
    expect(resource?.key).toEqual({
      group: 'networking.istio.io',
      kind: 'VirtualService',
      namespace: 'team-a',
      name: 'reviews',
    });
    expect(resource?.body['metadata']).toEqual({ name: 'reviews', namespace: 'team-a' });
    expect(resource).toMatchObject({ apiVersion: 'networking.istio.io/v1', known: true });
    expect(resource?.source).toEqual({ file: 'vs.yaml', document: 0, line: 1, column: 1 });
  });

  it('gives cluster-scoped kinds an empty namespace, dropping one given in metadata', () => {
    const text =
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\n  namespace: ignored\nrules: []\n';
    const [resource] = parsed([{ name: 'cr.yaml', text }]).resources;
    expect(resource?.key.namespace).toBe('');
    expect(resource?.body['metadata']).toEqual({ name: 'reader' });
  });

  it('flattens kind: List and typed *List documents, items of typed lists inheriting apiVersion and kind', () => {
    const text = [
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ServiceAccount\n  metadata: {name: a}\n',
      'apiVersion: v1\nkind: ServiceAccountList\nitems:\n- metadata: {name: b, namespace: x}\n',
    ].join('---\n');
    const resources = parsed([{ name: 'lists.yaml', text }]).resources;
    expect(
      resources.map(
        (resource) => `${resource.key.kind} ${resource.key.namespace}/${resource.key.name}`,
      ),
    ).toEqual(['ServiceAccount default/a', 'ServiceAccount x/b']);
    expect(resources[1]?.source).toMatchObject({ document: 1, line: 8 });
  });

  it('keeps input order: files as given, then documents', () => {
    const sa = (name: string): string =>
      `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: ${name}}\n`;
    const resources = parsed([
      { name: 'b.yaml', text: `${sa('z')}---\n${sa('y')}` },
      { name: 'a.yaml', text: sa('a') },
    ]).resources;
    expect(resources.map((resource) => resource.key.name)).toEqual(['z', 'y', 'a']);
  });

  it('MESH0007 stores a kind with no known schema, flagged known: false, with a warning', () => {
    const text =
      'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\nspec:\n  anything: [1, 2]\n';
    const snapshot = parsed([{ name: 'route.yaml', text: `# comment\n---\n${text}` }]);
    expect(snapshot.resources[0]).toMatchObject({
      known: false,
      body: { spec: { anything: [1, 2] } },
    });
    expect(snapshot.warnings).toEqual([
      {
        code: 'MESH0007',
        file: 'route.yaml',
        document: 0,
        line: 3,
        kind: 'HTTPRoute',
        name: 'r',
        message:
          'no schema is known for gateway.networking.k8s.io/v1 HTTPRoute: stored without validation',
      },
    ]);
  });

  it.each([
    ['a scalar document', 'just a string\n', ''],
    ['no apiVersion', 'kind: Service\nmetadata: {name: a}\n', 'apiVersion'],
    ['no kind', 'apiVersion: v1\nmetadata: {name: a}\n', 'kind'],
    [
      'no metadata.name',
      'apiVersion: v1\nkind: Service\nmetadata: {labels: {a: b}}\n',
      'metadata.name',
    ],
    ['a numeric name', 'apiVersion: v1\nkind: Service\nmetadata: {name: 42}\n', 'metadata.name'],
  ])('MESH0002 rejects %s', (_label, text, path) => {
    expect(failed([{ name: 'x.yaml', text }])).toMatchObject({
      code: 'MESH0002',
      file: 'x.yaml',
      document: 0,
      path,
    });
  });

  it('MESH0003 locates a schema violation at the field: file, document, line, column and path', () => {
    const text = `${VS}---\n${VS.replace('name: reviews', 'name: ratings').replace('weight: 100', 'weight: heavy')}`;
    const error = failed([{ name: 'vs.yaml', text }]);
    expect(error).toMatchObject({
      code: 'MESH0003',
      file: 'vs.yaml',
      document: 1,
      line: 25,
      column: 7,
    });
    expect(error.path).toBe('spec.http[0].route[0].weight');
    expect(error.message).toBe(
      'spec.http[0].route[0].weight: Invalid value: "heavy": spec.http[0].route[0].weight in body must be of type integer: "string"',
    );
  });

  it('MESH0003 inside a List item carries the items[i] prefix in its path', () => {
    const deployment =
      '  spec:\n    replicas: many\n    selector: {matchLabels: {app: a}}\n    template:\n      metadata: {labels: {app: a}}\n      spec: {containers: [{name: a, image: a}]}\n';
    const text = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: ok}\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: bad}\n${deployment}`;
    const error = failed([{ name: 'list.yaml', text }]);
    expect(error).toMatchObject({
      code: 'MESH0003',
      path: 'items[1].spec.replicas',
      line: 11,
      column: 5,
    });
  });

  it('MESH0003 refuses unknown fields in Istio kinds (Strict field validation)', () => {
    const error = failed([
      { name: 'vs.yaml', text: VS.replace('  hosts:', '  hostz: [x]\n  hosts:') },
    ]);
    expect(error).toMatchObject({
      code: 'MESH0003',
      path: 'spec.hostz',
      message: 'unknown field "spec.hostz"',
      line: 6,
      column: 3,
    });
  });

  it('the first error wins: nothing after it is looked at, and no snapshot is returned', () => {
    const result = parseSnapshot(
      [
        { name: 'a.yaml', text: 'apiVersion: v1\nkind: Service\n' },
        { name: 'b.yaml', text: 'not: [valid' },
      ],
      OPTIONS,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'MESH0002', file: 'a.yaml' } });
  });

  it('MESH0004 rejects the same object twice and names both locations', () => {
    const error = failed([
      { name: 'a.yaml', text: VS },
      {
        name: 'b.yaml',
        text: `# copy\n---\n${VS.replace('networking.istio.io/v1', 'networking.istio.io/v1beta1')}`,
      },
    ]);
    expect(error).toMatchObject({ code: 'MESH0004', file: 'b.yaml', document: 0, line: 3 });
    expect(error.message).toContain('VirtualService default/reviews');
    expect(error.message).toContain('first in a.yaml document 0 at line 1');
  });

  it('MESH0004 does not confuse the same name in different groups or namespaces', () => {
    const gateway = (apiVersion: string, ns: string): string =>
      `apiVersion: ${apiVersion}\nkind: Gateway\nmetadata: {name: gw, namespace: ${ns}}\nspec: {}\n`;
    const text = [
      gateway('networking.istio.io/v1', 'a'),
      gateway('gateway.networking.k8s.io/v1', 'a'),
      gateway('networking.istio.io/v1', 'b'),
    ].join('---\n');
    expect(parsed([{ name: 'gw.yaml', text }]).resources).toHaveLength(3);
  });

  it('MESH0005 rejects an Istio kind in a version its CRD does not serve', () => {
    const error = failed([
      { name: 'vs.yaml', text: VS.replace('networking.istio.io/v1', 'networking.istio.io/v2') },
    ]);
    expect(error).toMatchObject({ code: 'MESH0005', path: 'apiVersion', line: 1, column: 1 });
    expect(error.message).toContain('v1, v1alpha3, v1beta1');
  });

  it('MESH0006 enforces maxDocuments over the whole snapshot', () => {
    const sa = 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: a}\n';
    const files = [
      { name: 'a.yaml', text: sa },
      { name: 'b.yaml', text: sa.replace('name: a', 'name: b') },
    ];
    expect(
      failed(files, { defaultNamespace: 'default', limits: { maxDocuments: 1 } }),
    ).toMatchObject({ code: 'MESH0006', file: 'b.yaml' });
  });

  it('MESH0006 enforces maxDepth and locates the too-deep node', () => {
    const text =
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {}\nextra:\n  a:\n    b:\n      c: 1\n';
    const error = failed([{ name: 'deep.yaml', text }], {
      defaultNamespace: 'default',
      limits: { maxDepth: 3 },
    });
    expect(error).toMatchObject({ code: 'MESH0006', path: 'extra.a.b', line: 7 });
  });

  it('MESH0006 refuses a billion-laughs document (few aliases, astronomic expansion)', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level += 1) {
      const prev = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${prev}`).join(',')}]`);
    }
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\nextra:\n${levels.map((line) => `  ${line}`).join('\n')}\n`;
    expect(failed([{ name: 'lol.yaml', text }])).toMatchObject({ code: 'MESH0006' });
  });

  it('MESH0006 enforces maxAliases', () => {
    const text =
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\nx: &x {k: v}\ny: [*x, *x, *x]\n';
    const limits = { maxAliases: 2 };
    expect(
      failed([{ name: 'alias.yaml', text }], { defaultNamespace: 'default', limits }),
    ).toMatchObject({ code: 'MESH0006' });
    expect(parsed([{ name: 'alias.yaml', text }]).resources).toHaveLength(1);
  });

  it('MESH0001 refuses .inf, which JSON cannot carry', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\nx: .inf\n';
    expect(failed([{ name: 'inf.yaml', text }])).toMatchObject({
      code: 'MESH0001',
      path: 'x',
      line: 4,
    });
  });

  it('stores Secrets without their values, and never echoes a value in an error', () => {
    const secret =
      'apiVersion: v1\nkind: Secret\nmetadata: {name: db}\ndata:\n  password: c2VjcmV0LXZhbHVl\nstringData:\n  token: hunter2\n';
    const [resource] = parsed([{ name: 's.yaml', text: secret }]).resources;
    expect(JSON.stringify(resource)).not.toMatch(/c2VjcmV0LXZhbHVl|hunter2/);
    expect(resource?.body['metadata']).toEqual({
      name: 'db',
      namespace: 'default',
      annotations: { 'meshlens.io/redacted-keys': 'password,token' },
    });
    const invalid = failed([
      { name: 's.yaml', text: secret.replace('c2VjcmV0LXZhbHVl', 'not base64 hunter3!') },
    ]);
    expect(invalid).toMatchObject({ code: 'MESH0003', path: 'data.password' });
    expect(JSON.stringify(invalid)).not.toMatch(/hunter3/);
  });

  it('accepts `kubectl get -o json` output: a JSON List of exported objects, server fields stripped', () => {
    const exported = {
      apiVersion: 'v1',
      kind: 'List',
      metadata: { resourceVersion: '' },
      items: [
        {
          apiVersion: 'networking.istio.io/v1',
          kind: 'VirtualService',
          metadata: {
            name: 'reviews',
            namespace: 'prod',
            uid: '6f1c',
            resourceVersion: '991',
            generation: 3,
            creationTimestamp: '2024-05-01T10:00:00Z',
            managedFields: [
              {
                manager: 'kubectl',
                operation: 'Update',
                fieldsType: 'FieldsV1',
                fieldsV1: { 'f:spec': {} },
              },
            ],
            annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' },
          },
          spec: { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews' } }] }] },
          status: { observedGeneration: 3 },
        },
      ],
    };
    const [resource] = parsed([
      { name: 'export.json', text: JSON.stringify(exported, null, 2) },
    ]).resources;
    expect(resource?.body).toEqual({
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'reviews', namespace: 'prod', creationTimestamp: '2024-05-01T10:00:00Z' },
      spec: { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews' } }] }] },
    });
  });
});
