import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isJsonObject, type JsonObject } from '../model/json.js';
import type { Resource } from '../model/resource.js';
import { clientTlsMode, drTlsModeForPort, isTlsCompatible } from './client-tls.js';
import { effectiveMtlsMode, indexPeerAuthentications } from './peer-authentication.js';
import { resourcesFromYaml } from './test-resources.js';

const SHARED = new URL('../../../../shared/', import.meta.url);
const SCENARIO = 'scenarios/06-strict-mtls-vs-plaintext-client/';
const RATINGS_V1 = { namespace: 'default', labels: { app: 'ratings', version: 'v1' } };
const RATINGS_PORT = 9080;

function load(version: 'before' | 'after'): Resource[] {
  const files = [
    '00-istio-system.yaml',
    '30-destination-rules.yaml',
    ...(version === 'after' ? ['60-peer-authentication.yaml'] : []),
  ];
  return files.flatMap((f) =>
    resourcesFromYaml(readFileSync(new URL(`${SCENARIO}${version}/${f}`, SHARED), 'utf8')),
  );
}

function ratingsDr(resources: Resource[]): JsonObject | undefined {
  const dr = resources.find((r) => r.key.kind === 'DestinationRule' && r.key.name === 'ratings');
  const spec = dr?.body['spec'];
  return isJsonObject(spec) ? spec : undefined;
}

/** reviews-v1 (sidecar) calling ratings-v1 through the `ratings` Service, default routing (no subset). */
function reviewsToRatings(version: 'before' | 'after') {
  const resources = load(version);
  const server = effectiveMtlsMode(
    indexPeerAuthentications(resources, 'istio-system'),
    RATINGS_V1,
    RATINGS_PORT,
  );
  const tp = ratingsDr(resources)?.['trafficPolicy'];
  const drMode = drTlsModeForPort(isJsonObject(tp) ? tp : undefined, RATINGS_PORT);
  const client = clientTlsMode(drMode, true, true, server.mode);
  return { server, client, compatible: isTlsCompatible(client, server.mode, true) };
}

describe('R9 scenario 06: STRICT PeerAuthentication vs a DestinationRule that disables TLS', () => {
  it('R9 before: ratings-v1 is PERMISSIVE and reviews sends Istio mTLS', () => {
    const result = reviewsToRatings('before');
    expect(result.server).toMatchObject({ mode: 'PERMISSIVE', decidedBy: null });
    expect(result).toMatchObject({ client: 'ISTIO_MUTUAL', compatible: true });
  });

  it('R9 after: ratings-v1 is STRICT, the DR makes clients send plaintext: the call fails', () => {
    const result = reviewsToRatings('after');
    expect(result.server).toMatchObject({ mode: 'STRICT', decidedBy: 'default/ratings-strict' });
    expect(result).toMatchObject({ client: 'DISABLE', compatible: false });
  });

  it('R9 a plain (non-mesh) client reaches ratings-v1 before but not after', () => {
    for (const [version, expected] of [
      ['before', true],
      ['after', false],
    ] as const) {
      const server = effectiveMtlsMode(
        indexPeerAuthentications(load(version), 'istio-system'),
        RATINGS_V1,
        RATINGS_PORT,
      );
      expect(isTlsCompatible('DISABLE', server.mode, false)).toBe(expected);
    }
  });
});
