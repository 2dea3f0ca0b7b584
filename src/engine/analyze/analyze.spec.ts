import { describe, expect, it } from 'vitest';
import { parseSnapshot } from '../parse/parse-snapshot.js';
import type { Resource } from '../model/resource.js';
import { subsetExistsRule } from '../rules/virtual-service/subset-exists.rule.js';
import { destinationHostExistsRule } from '../rules/virtual-service/destination-host-exists.rule.js';
import { analyze } from './analyze.js';
import { createFieldLocator } from './field-locator.js';

const VS = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  namespace: default
ANNOTATIONS
spec:
  hosts: [reviews]
  http:
  - route:
    - destination:
        host: reviews
        subset: v9
`;

function snapshot(annotations = ''): {
  files: { name: string; text: string }[];
  resources: Resource[];
} {
  const files = [{ name: 'vs.yaml', text: VS.replace('ANNOTATIONS\n', annotations) }];
  const parsed = parseSnapshot(files, { defaultNamespace: 'default' });
  if (!parsed.ok) {
    throw new Error(parsed.error.message);
  }
  return { files, resources: parsed.value.resources };
}

const rules = [subsetExistsRule, destinationHostExistsRule];

describe('analyze', () => {
  it('runs the rules and sorts by (resource, code, path)', () => {
    const findings = analyze(snapshot().resources, { rules });
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ['MESH1101', 'spec.http[0].route[0].destination.host'],
      ['MESH1107', 'spec.http[0].route[0].destination.subset'],
    ]);
  });

  it('is deterministic: the same input gives byte-identical output', () => {
    const { resources } = snapshot();
    expect(JSON.stringify(analyze(resources, { rules }))).toBe(
      JSON.stringify(analyze([...resources].reverse(), { rules })),
    );
  });

  it('honours galley.istio.io/analyze-suppress (Istio codes, and * for everything)', () => {
    const one = snapshot(
      '  annotations:\n    galley.istio.io/analyze-suppress: "IST0999, KIA1107"\n',
    );
    expect(analyze(one.resources, { rules }).map((f) => f.code)).toEqual(['MESH1101']);
    const all = snapshot('  annotations:\n    galley.istio.io/analyze-suppress: "*"\n');
    expect(analyze(all.resources, { rules })).toEqual([]);
  });

  it('honours kiali.io/ignore-validations, disabled codes and --suppress', () => {
    const kiali = snapshot('  annotations:\n    kiali.io/ignore-validations: KIA1101\n');
    expect(analyze(kiali.resources, { rules }).map((f) => f.code)).toEqual(['MESH1107']);
    const { resources } = snapshot();
    expect(analyze(resources, { rules, disabledCodes: ['MESH1107'] }).map((f) => f.code)).toEqual([
      'MESH1101',
    ]);
    const suppressions = [
      { code: 'IST0101', kind: 'VirtualService', namespace: 'default', name: 'reviews' },
    ];
    expect(analyze(resources, { rules, suppressions })).toEqual([]);
  });

  it('applies level overrides centrally (MESH code before Istio/Kiali code)', () => {
    const { resources } = snapshot();
    const levelOverrides = { IST0101: 'Info', MESH1107: 'Warning' } as const;
    expect(analyze(resources, { rules, levelOverrides }).map((f) => f.level)).toEqual([
      'Info',
      'Warning',
    ]);
  });

  it('fills the document line, and the exact field line with a locator', () => {
    const { files, resources } = snapshot();
    expect(analyze(resources, { rules }).map((f) => f.line)).toEqual([1, 1]);
    const located = analyze(resources, { rules, locate: createFieldLocator(files) });
    expect(located.map((f) => f.line)).toEqual([11, 12]);
  });

  it('uses an explicit mesh config for the graph and the rules', () => {
    const text = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: tcp, namespace: default}
spec:
  hosts: [db.example.com]
  ports: [{number: 5432, name: tcp, protocol: TCP}]
`;
    const parsed = parseSnapshot([{ name: 'se.yaml', text }], { defaultNamespace: 'default' });
    const resources = parsed.ok ? parsed.value.resources : [];
    expect(analyze(resources).map((f) => f.istioCode)).toContain('IST0134');
    const meshConfig = {
      defaultConfig: {
        proxyMetadata: { ISTIO_META_DNS_CAPTURE: 'true', ISTIO_META_DNS_AUTO_ALLOCATE: 'true' },
      },
    };
    expect(analyze(resources, { meshConfig }).map((f) => f.istioCode)).not.toContain('IST0134');
  });
});
