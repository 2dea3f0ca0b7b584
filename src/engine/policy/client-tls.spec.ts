import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isJsonObject, type JsonObject } from '../model/json.js';
import { clientTlsMode, drTlsModeForPort, isTlsCompatible } from './client-tls.js';
import { effectiveMtlsMode, indexPeerAuthentications } from './peer-authentication.js';
import type { MtlsMode } from './policy-types.js';
import { resourcesFromYaml } from './test-resources.js';

const SHARED = new URL('../../../../shared/', import.meta.url);
const TESTDATA = 'corpus/istio-samples/tests/integration/ambient/testdata/';
const ROOT = 'istio-system';
const NS1 = 'echo1';

interface App {
  readonly labels: Readonly<Record<string, string>>;
  readonly inMesh: boolean;
  readonly subset?: string;
}
const A: App = { labels: { app: 'a' }, inMesh: true };
const B: App = { labels: { app: 'b' }, inMesh: true };
const NAKED: App = { labels: { app: 'naked' }, inMesh: false };
const VISTIO: App = {
  labels: { app: 'multiversion', version: 'vistio' },
  inMesh: true,
  subset: 'vistio',
};
const VLEGACY: App = {
  labels: { app: 'multiversion', version: 'vlegacy' },
  inMesh: false,
  subset: 'vlegacy',
};
const HTTP = 8090; // echo `http` port's targetPort (comment in beta-per-port-mtls.yaml)
const GRPC = 7070;

function objectAt(obj: JsonObject | undefined, key: string): JsonObject | undefined {
  const v = obj?.[key];
  return isJsonObject(v) ? v : undefined;
}

/**
 * The TLS part of a call `from` → `to` (echo apps in `echo1`) once `file` is applied in `namespace`,
 * the way istio's reachability test applies it: client mode from the DestinationRule or auto mTLS,
 * server mode from PeerAuthentication, then compatibility.
 */
function call(file: string, namespace: string, from: App, to: App, port: number) {
  const resources = resourcesFromYaml(
    readFileSync(new URL(TESTDATA + file, SHARED), 'utf8'),
    namespace,
  );
  const server: MtlsMode = effectiveMtlsMode(
    indexPeerAuthentications(resources, ROOT),
    { namespace: NS1, labels: to.labels },
    port,
  ).mode;
  const spec = objectAt(resources.find((r) => r.key.kind === 'DestinationRule')?.body, 'spec');
  const subsets = Array.isArray(spec?.['subsets']) ? spec['subsets'].filter(isJsonObject) : [];
  const subset = subsets.find((s) => s['name'] === to.subset);
  const drMode = drTlsModeForPort(
    objectAt(spec, 'trafficPolicy'),
    port,
    objectAt(subset, 'trafficPolicy'),
  );
  const client = from.inMesh ? clientTlsMode(drMode, true, to.inMesh, server) : 'DISABLE';
  return { client, ok: isTlsCompatible(client, server, from.inMesh, to.inMesh) };
}

// Expectations of istio/istio:tests/integration/security/reachability_test.go (TestReachability)
// for the same config files: [file, namespace applied in, from, to, port, expect success].
const REACHABILITY: readonly [string, string, App, App, number, boolean][] = [
  ['beta-mtls-on.yaml', ROOT, A, B, HTTP, true],
  ['beta-mtls-on.yaml', ROOT, A, NAKED, HTTP, false],
  ['beta-mtls-on.yaml', ROOT, NAKED, A, HTTP, false],
  ['beta-mtls-on.yaml', ROOT, NAKED, NAKED, HTTP, true],
  ['beta-mtls-permissive.yaml', ROOT, A, B, HTTP, true],
  ['beta-mtls-permissive.yaml', ROOT, NAKED, B, HTTP, true],
  ['beta-mtls-off.yaml', ROOT, A, B, HTTP, true],
  ['beta-mtls-off.yaml', ROOT, A, NAKED, HTTP, true],
  ['beta-mtls-off.yaml', ROOT, NAKED, A, HTTP, true],
  ['beta-mtls-automtls-workload.yaml', NS1, B, A, HTTP, true],
  ['beta-mtls-automtls-workload.yaml', NS1, B, B, GRPC, true],
  ['beta-mtls-automtls-workload.yaml', NS1, NAKED, A, GRPC, true],
  ['beta-mtls-automtls-workload.yaml', NS1, NAKED, B, HTTP, true],
  ['beta-mtls-automtls-workload.yaml', NS1, NAKED, B, GRPC, false],
  ['plaintext-to-permissive.yaml', ROOT, A, B, HTTP, true],
  ['plaintext-to-permissive.yaml', ROOT, NAKED, B, GRPC, true],
  ['beta-per-port-mtls.yaml', NS1, A, B, HTTP, false],
  ['beta-per-port-mtls.yaml', NS1, A, B, GRPC, true],
  ['beta-per-port-mtls.yaml', NS1, NAKED, B, HTTP, false],
  ['beta-per-port-mtls.yaml', NS1, NAKED, B, GRPC, true],
  ['beta-mtls-automtls.yaml', NS1, A, B, HTTP, true],
  ['beta-mtls-automtls.yaml', NS1, A, NAKED, HTTP, true],
  ['beta-mtls-automtls.yaml', NS1, NAKED, A, HTTP, false],
  ['beta-mtls-automtls.yaml', NS1, NAKED, NAKED, HTTP, true],
  ['no-peer-authn.yaml', ROOT, A, B, HTTP, true],
  ['no-peer-authn.yaml', ROOT, NAKED, B, HTTP, true],
  ['global-plaintext.yaml', ROOT, A, B, HTTP, true],
  ['global-plaintext.yaml', ROOT, NAKED, A, HTTP, true],
  ['automtls-partial-sidecar-dr-no-tls.yaml', NS1, A, VISTIO, HTTP, true],
  ['automtls-partial-sidecar-dr-no-tls.yaml', NS1, A, VLEGACY, HTTP, true],
  ['automtls-partial-sidecar-dr-disable.yaml', NS1, A, VISTIO, HTTP, false],
  ['automtls-partial-sidecar-dr-disable.yaml', NS1, A, VLEGACY, HTTP, true],
  ['automtls-partial-sidecar-dr-mutual.yaml', NS1, A, VISTIO, HTTP, true],
  ['automtls-partial-sidecar-dr-mutual.yaml', NS1, A, VLEGACY, HTTP, false],
];

describe('R9 TLS compatibility against istio reachability expectations', () => {
  it.each(REACHABILITY)(
    'R9 %s applied in %s: %j -> %j port %d succeeds=%s',
    (file, ns, from, to, port, expected) => {
      expect(call(file, ns, from, to, port).ok).toBe(expected);
    },
  );

  it('R9 auto mTLS sends mTLS only where istio expects it (ExpectMTLS)', () => {
    expect(call('beta-mtls-automtls-workload.yaml', NS1, B, A, HTTP).client).toBe('DISABLE');
    expect(call('beta-mtls-automtls-workload.yaml', NS1, B, B, GRPC).client).toBe('ISTIO_MUTUAL');
    expect(call('automtls-partial-sidecar-dr-no-tls.yaml', NS1, A, VISTIO, HTTP).client).toBe(
      'ISTIO_MUTUAL',
    );
    expect(call('automtls-partial-sidecar-dr-no-tls.yaml', NS1, A, VLEGACY, HTTP).client).toBe(
      'DISABLE',
    );
  });
});

describe('R9 client TLS mode and compatibility', () => {
  it('R9 a DestinationRule TLS mode wins over auto mTLS', () => {
    expect(clientTlsMode('DISABLE', true, true, 'STRICT')).toBe('DISABLE');
    expect(clientTlsMode('ISTIO_MUTUAL', false, false)).toBe('ISTIO_MUTUAL');
    expect(clientTlsMode('SIMPLE', true, true)).toBe('SIMPLE');
  });

  it('R9 auto mTLS: ISTIO_MUTUAL to sidecars, plaintext to others, to DISABLE servers and when off', () => {
    expect(clientTlsMode(null, true, true)).toBe('ISTIO_MUTUAL');
    expect(clientTlsMode(null, true, false)).toBe('DISABLE');
    expect(clientTlsMode(null, true, true, 'DISABLE')).toBe('DISABLE');
    expect(clientTlsMode(null, false, true)).toBe('DISABLE');
  });

  it('R9 STRICT admits only Istio mTLS from a sidecar; DISABLE rejects Istio mTLS; PERMISSIVE admits all', () => {
    expect(isTlsCompatible('ISTIO_MUTUAL', 'STRICT', true)).toBe(true);
    expect(isTlsCompatible('ISTIO_MUTUAL', 'STRICT', false)).toBe(false);
    expect(isTlsCompatible('DISABLE', 'STRICT', true)).toBe(false);
    expect(isTlsCompatible('MUTUAL', 'STRICT', true)).toBe(false);
    expect(isTlsCompatible('ISTIO_MUTUAL', 'DISABLE', true)).toBe(false);
    expect(isTlsCompatible('SIMPLE', 'DISABLE', true)).toBe(true);
    expect(isTlsCompatible('DISABLE', 'PERMISSIVE', false)).toBe(true);
    expect(isTlsCompatible('ISTIO_MUTUAL', 'PERMISSIVE', true)).toBe(true);
  });
});

describe('R7 DestinationRule TLS per port', () => {
  const tp = {
    tls: { mode: 'ISTIO_MUTUAL' },
    portLevelSettings: [
      { port: { number: 9080 }, tls: { mode: 'DISABLE' } },
      { port: { number: 9090 }, loadBalancer: { simple: 'ROUND_ROBIN' } },
    ],
  };

  it('R7 a port-level entry replaces the destination-level TLS wholesale', () => {
    expect(drTlsModeForPort(tp, 9080)).toBe('DISABLE');
    expect(drTlsModeForPort(tp, 9090)).toBeNull();
    expect(drTlsModeForPort(tp, 80)).toBe('ISTIO_MUTUAL');
    expect(drTlsModeForPort(tp, null)).toBe('ISTIO_MUTUAL');
  });

  it('R7 a subset policy overrides TLS, and its port-level entry overrides again', () => {
    const subset = {
      tls: { mode: 'SIMPLE' },
      portLevelSettings: [{ port: { number: 8443 }, tls: { mode: 'MUTUAL' } }],
    };
    expect(drTlsModeForPort(tp, 80, subset)).toBe('SIMPLE');
    expect(drTlsModeForPort(tp, 8443, subset)).toBe('MUTUAL');
    expect(drTlsModeForPort(tp, 9080, { loadBalancer: { simple: 'RANDOM' } })).toBe('DISABLE');
  });

  it('R7 no tls block means auto mTLS decides; a tls block without mode is DISABLE', () => {
    expect(drTlsModeForPort(undefined, 80)).toBeNull();
    expect(drTlsModeForPort({ loadBalancer: { simple: 'RANDOM' } }, 80)).toBeNull();
    expect(drTlsModeForPort({ tls: {} }, 80)).toBe('DISABLE');
  });
});
