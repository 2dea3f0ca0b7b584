import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSnapshot } from './parse-snapshot.js';

/** Real manifests copied from istio/istio (see its README): every valid one must parse and validate. */
const SAMPLES = fileURLToPath(new URL('../../../../shared/corpus/istio-samples/', import.meta.url));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(entry) ? [path] : [];
    });
}

/**
 * Files a Kubernetes API server (with kubectl's default Strict field validation) would refuse too,
 * so meshlens refuses them, with these errors.
 */
const LEGITIMATELY_REJECTED: Readonly<Record<string, { code: string; path: string }>> = {
  // Test fixtures that reuse one name per document: applied together, the names collide.
  'pkg/config/validation/testdata/crds/destinationrule-valid.yaml': { code: 'MESH0004', path: '' },
  // `addresses: [1.2.3.4, 001:db8::]`: YAML 1.2 reads `001:db8::` as a mapping (go-yaml reads a
  // string); see istio-crd-oracle.spec.ts.
  'pkg/config/validation/testdata/crds/serviceentry-valid.yaml': {
    code: 'MESH0003',
    path: 'spec.addresses[1]',
  },
  // `websocketUpgrade` was removed from the VirtualService API: unknown field under Strict.
  'tests/testdata/config/rule-websocket-route.yaml': {
    code: 'MESH0003',
    path: 'spec.http[0].websocketUpgrade',
  },
  // A ServiceEntry named `BACKEND`: custom resource names must be lowercase DNS subdomains.
  'tests/testdata/networking/ingress-gateway/configs.yaml': {
    code: 'MESH0003',
    path: 'metadata.name',
  },
};

const files = yamlFiles(SAMPLES)
  .map((path) => relative(SAMPLES, path))
  .filter((name) => !name.endsWith('-invalid.yaml'));

function parseSample(name: string) {
  return parseSnapshot([{ name, text: readFileSync(join(SAMPLES, name), 'utf8') }], {
    defaultNamespace: 'default',
  });
}

describe('istio-samples corpus', () => {
  it('holds the files its README lists', () => {
    expect(files.length).toBeGreaterThan(200);
  });

  it.each(files.filter((name) => LEGITIMATELY_REJECTED[name] === undefined))(
    'parses and validates %s',
    (name) => {
      const result = parseSample(name);
      expect(
        result.ok ? 'ok' : `${result.error.code} ${result.error.path}: ${result.error.message}`,
      ).toBe('ok');
    },
  );

  it.each(Object.entries(LEGITIMATELY_REJECTED))(
    'rejects %s as the API server would',
    (name, expected) => {
      expect(parseSample(name)).toMatchObject({ ok: false, error: { file: name, ...expected } });
    },
  );

  it('flags kinds without a schema (Gateway API, cert-manager) as warnings, stored with known: false', () => {
    const result = parseSample('samples/bookinfo/gateway-api/bookinfo-gateway.yaml');
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.warnings.map((warning) => `${warning.code} ${warning.kind}`)).toEqual([
        'MESH0007 Gateway',
        'MESH0007 HTTPRoute',
      ]);
      expect(result.value.resources.every((resource) => !resource.known)).toBe(true);
    }
  });

  it('stores Bookinfo with every object known and validated', () => {
    const result = parseSample('samples/bookinfo/platform/kube/bookinfo.yaml');
    expect(result.ok && result.value.warnings).toEqual([]);
    expect(result.ok && result.value.resources.map((resource) => resource.key.kind)).toContain(
      'Deployment',
    );
    expect(result.ok && result.value.resources.every((resource) => resource.known)).toBe(true);
  });
});
