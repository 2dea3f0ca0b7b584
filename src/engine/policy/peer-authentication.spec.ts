import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { effectiveMtlsMode, indexPeerAuthentications } from './peer-authentication.js';
import { resourcesFromYaml } from './test-resources.js';

const SHARED = new URL('../../../../shared/', import.meta.url);
const AMBIENT = 'corpus/istio-samples/pilot/pkg/serviceregistry/ambient/testdata/';
const ROOT = 'istio-system';

function load(file: string, defaultNamespace = 'foo') {
  return resourcesFromYaml(readFileSync(new URL(file, SHARED), 'utf8'), defaultNamespace);
}

function pa(name: string, namespace: string, spec: object) {
  return resourcesFromYaml(
    JSON.stringify({
      apiVersion: 'security.istio.io/v1',
      kind: 'PeerAuthentication',
      metadata: { name, namespace },
      spec,
    }),
  )[0]!;
}

const A = { namespace: 'foo', labels: { app: 'a' } };

// Expected modes for workload foo/app=a: [workload level (no port), port 9090, port 8080].
// Files without a namespace are loaded into `foo` (as a namespace/workload policy there); the
// expectations follow from the file names and R9 (UNSET inherits, port-level keyed by pod port).
const AMBIENT_CASES: readonly [string, readonly [string, string, string]][] = [
  ['peer-authn-disable-in.yaml', ['DISABLE', 'DISABLE', 'DISABLE']],
  ['peer-authn-disable-port-mtls-strict-in.yaml', ['DISABLE', 'STRICT', 'DISABLE']],
  ['peer-authn-permissive-in.yaml', ['PERMISSIVE', 'PERMISSIVE', 'PERMISSIVE']],
  [
    'peer-authn-permissive-port-mtls-strict-and-permissive-in.yaml',
    ['PERMISSIVE', 'STRICT', 'PERMISSIVE'],
  ],
  ['peer-authn-permissive-port-mtls-strict-in.yaml', ['PERMISSIVE', 'STRICT', 'PERMISSIVE']],
  [
    'peer-authn-permissive-root-permissive-namespace-strict-workload-ports-in.yaml',
    ['PERMISSIVE', 'STRICT', 'STRICT'],
  ],
  [
    'peer-authn-permissive-root-permissive-workload-in.yaml',
    ['PERMISSIVE', 'PERMISSIVE', 'PERMISSIVE'],
  ],
  [
    'peer-authn-permissive-root-strict-namespace-permissive-workload-in.yaml',
    ['STRICT', 'PERMISSIVE', 'STRICT'],
  ],
  [
    'peer-authn-permissive-root-unset-namespace-mixed-workload-ports-in.yaml',
    ['PERMISSIVE', 'STRICT', 'PERMISSIVE'],
  ],
  ['peer-authn-strict-and-disable-port-mtls-in.yaml', ['STRICT', 'DISABLE', 'STRICT']],
  ['peer-authn-strict-and-permissive-port-mtls-in.yaml', ['STRICT', 'PERMISSIVE', 'STRICT']],
  ['peer-authn-strict-and-strict-port-mtls-in.yaml', ['STRICT', 'STRICT', 'STRICT']],
  ['peer-authn-strict-in.yaml', ['STRICT', 'STRICT', 'STRICT']],
  ['peer-authn-strict-port-mtls-strict-and-permissive-in.yaml', ['STRICT', 'STRICT', 'PERMISSIVE']],
  [
    'peer-authn-strict-root-permissive-namespace-strict-workload-in.yaml',
    ['PERMISSIVE', 'STRICT', 'PERMISSIVE'],
  ],
  ['peer-authn-strict-root-permissive-workload-in.yaml', ['STRICT', 'PERMISSIVE', 'STRICT']],
  [
    'peer-authn-strict-root-unset-workload-port-mtls-strict-and-permissive-in.yaml',
    ['STRICT', 'PERMISSIVE', 'STRICT'],
  ],
  ['peer-authn-strict-workload-in.yaml', ['STRICT', 'STRICT', 'STRICT']],
  ['peer-authn-unset-port-mtls-strict-in.yaml', ['PERMISSIVE', 'PERMISSIVE', 'STRICT']],
];

describe('R9 PeerAuthentication precedence on istio ambient testdata', () => {
  it.each(AMBIENT_CASES)('R9 %s gives workload/9090/8080 modes %j', (file, expected) => {
    const index = indexPeerAuthentications(load(AMBIENT + file), ROOT);
    const modes = [null, 9090, 8080].map((port) => effectiveMtlsMode(index, A, port).mode);
    expect(modes).toEqual(expected);
  });

  it('R9 a workload the selector does not pick falls back to namespace and mesh levels', () => {
    const index = indexPeerAuthentications(
      load(AMBIENT + 'peer-authn-permissive-root-strict-namespace-permissive-workload-in.yaml'),
      ROOT,
    );
    const other = effectiveMtlsMode(index, { namespace: 'foo', labels: { app: 'b' } }, 9090);
    expect(other).toMatchObject({ mode: 'STRICT', decidedBy: 'foo/default-foo' });
    const elsewhere = effectiveMtlsMode(index, { namespace: 'bar', labels: { app: 'a' } }, 9090);
    expect(elsewhere).toMatchObject({ mode: 'PERMISSIVE', decidedBy: 'istio-system/default-mesh' });
  });

  it('R9 UNSET at namespace level inherits the mesh mode and names the mesh policy', () => {
    const index = indexPeerAuthentications(
      load(AMBIENT + 'peer-authn-permissive-root-unset-namespace-mixed-workload-ports-in.yaml'),
      ROOT,
    );
    expect(effectiveMtlsMode(index, A, null).decidedBy).toBe('istio-system/default-mesh');
    expect(effectiveMtlsMode(index, A, 9090).decidedBy).toBe('foo/workload');
  });
});

describe('R9 PeerAuthentication rules', () => {
  it('R9 nothing applies: PERMISSIVE decided by nobody', () => {
    const index = indexPeerAuthentications([], ROOT);
    expect(effectiveMtlsMode(index, A, 80)).toEqual({
      mode: 'PERMISSIVE',
      decidedBy: null,
      notes: [],
    });
  });

  it('R9 selector policies in the root namespace are ignored, with a note', () => {
    const index = indexPeerAuthentications(
      [pa('root-sel', ROOT, { selector: { matchLabels: { app: 'a' } }, mtls: { mode: 'STRICT' } })],
      ROOT,
    );
    const result = effectiveMtlsMode(index, A, null);
    expect(result.mode).toBe('PERMISSIVE');
    expect(result.notes.join(' ')).toContain('istio-system/root-sel');
  });

  it('R9 an empty selector makes a namespace-level policy', () => {
    const index = indexPeerAuthentications(
      [pa('empty', 'foo', { selector: { matchLabels: {} }, mtls: { mode: 'STRICT' } })],
      ROOT,
    );
    expect(effectiveMtlsMode(index, { namespace: 'foo', labels: {} }, null)).toMatchObject({
      mode: 'STRICT',
      decidedBy: 'foo/empty',
    });
  });

  it('R9 R12 the oldest workload policy wins (name order by default) and the choice is noted', () => {
    const policies = [
      pa('b-strict', 'foo', { selector: { matchLabels: { app: 'a' } }, mtls: { mode: 'STRICT' } }),
      pa('a-disable', 'foo', {
        selector: { matchLabels: { app: 'a' } },
        mtls: { mode: 'DISABLE' },
      }),
    ];
    const byName = effectiveMtlsMode(indexPeerAuthentications(policies, ROOT), A, null);
    expect(byName).toMatchObject({ mode: 'DISABLE', decidedBy: 'foo/a-disable' });
    expect(byName.notes.some((n) => n.includes('oldest') && n.includes('foo/b-strict'))).toBe(true);
    const baseFirst = indexPeerAuthentications(policies, ROOT, (x, y) =>
      x.name === 'b-strict' ? -1 : y.name === 'b-strict' ? 1 : 0,
    );
    expect(effectiveMtlsMode(baseFirst, A, null)).toMatchObject({
      mode: 'STRICT',
      decidedBy: 'foo/b-strict',
    });
  });

  it('R9 the oldest workload policy wins even when it is UNSET (no merge with newer ones)', () => {
    const policies = [
      pa('a-unset', 'foo', { selector: { matchLabels: { app: 'a' } } }),
      pa('b-strict', 'foo', { selector: { matchLabels: { app: 'a' } }, mtls: { mode: 'STRICT' } }),
    ];
    const result = effectiveMtlsMode(indexPeerAuthentications(policies, ROOT), A, null);
    expect(result).toMatchObject({ mode: 'PERMISSIVE', decidedBy: null });
    expect(result.notes.some((n) => n.includes('foo/a-unset wins'))).toBe(true);
  });

  it('R9 portLevelMtls on a namespace policy is ignored; an UNSET port inherits the workload mode', () => {
    const policies = [
      pa('ns', 'foo', { mtls: { mode: 'STRICT' }, portLevelMtls: { 8080: { mode: 'DISABLE' } } }),
      pa('wl', 'foo', {
        selector: { matchLabels: { app: 'a' } },
        mtls: { mode: 'PERMISSIVE' },
        portLevelMtls: { 9090: { mode: 'UNSET' } },
      }),
    ];
    const index = indexPeerAuthentications(policies, ROOT);
    expect(effectiveMtlsMode(index, { namespace: 'foo', labels: {} }, 8080).mode).toBe('STRICT');
    const port = effectiveMtlsMode(index, A, 9090);
    expect(port).toMatchObject({ mode: 'PERMISSIVE', decidedBy: 'foo/wl' });
    expect(port.notes.join(' ')).toContain('UNSET');
  });

  it('R9 a workload in the root namespace only sees mesh-level policies', () => {
    const index = indexPeerAuthentications([pa('mesh', ROOT, { mtls: { mode: 'STRICT' } })], ROOT);
    expect(
      effectiveMtlsMode(index, { namespace: ROOT, labels: { app: 'a' } }, null).decidedBy,
    ).toBe('istio-system/mesh');
  });
});
