import { readdirSync, readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { isJsonObject, type JsonObject } from '../model/json.js';
import type { Resource } from '../model/resource.js';
import { parseSnapshot } from '../parse/parse-snapshot.js';
import { CATALOG } from '../rules/catalog.js';
import { RULES } from '../rules/registry.js';
import { loadFixture } from '../rules/testing/load-fixture.js';
import { isClusterScoped } from '../schema/resource-scope.js';
import { analyze } from './analyze.js';

/**
 * Runs every case of ../shared/corpus/istio-analyzer-cases (istio/istio analyzers_test.go data)
 * through `analyze` and compares, as a multiset, (istioCode, kind, namespace, name) for the codes
 * the case is about — the harness conventions of the corpus README. Istio ran one analyzer per
 * case, so only the rules that port that analyzer take part (other rules would be noise).
 */
const CASES = new URL('../../../../shared/corpus/istio-analyzer-cases/', import.meta.url);
const DEFAULT_NAMESPACE = 'default';

/** Istio analyzer (Go type) → the meshlens rules that port it. */
const PORTS: Readonly<Record<string, readonly string[]>> = {
  FieldAnalyzer: [
    'virtual-service/deprecated-fault-delay-percent',
    'sidecar/deprecated-egress-proxy',
    'custom-resource-definition/removed-istio-kind',
  ],
  ExternalControlPlaneAnalyzer: ['webhook-configuration/external-control-plane-url'],
  IngressGatewayPortAnalyzer: ['gateway/selector-no-workload', 'gateway/port-not-on-service'],
  ConflictingGatewayAnalyzer: ['gateway/conflicting-servers'],
  PortNameAnalyzer: ['service/port-name-convention'],
  ConflictingMeshGatewayHostsAnalyzer: ['virtual-service/conflicting-mesh-hosts'],
  DestinationRuleAnalyzer: ['virtual-service/subset-exists'],
  GatewayAnalyzer: [
    'virtual-service/gateway-exists',
    'virtual-service/host-in-gateway',
    'virtual-service/internal-gateway-ref',
  ],
  ServiceAssociationAnalyzer: ['workload/service-port-conflicts'],
  BlockedCIDRsAnalyzer: ['request-authentication/jwks-blocked-cidrs'],
  CaCertificateAnalyzer: ['destination-rule/server-cert-verification'],
  ValidationAnalyzer: ['virtual-service/unreachable-rules'],
  ProtocolAddressesAnalyzer: ['service-entry/addresses-required'],
  Analyzer: [
    'mutating-webhook-configuration/injector-overlap',
    'mutating-webhook-configuration/injector-service-exists',
  ],
  ApplicationUIDAnalyzer: ['workload/application-uid'],
  EnvoyPatchAnalyzer: ['envoy-filter/patch-operations'],
  ProviderAnalyzer: ['telemetry/empty-providers'],
  LightstepAnalyzer: ['telemetry/lightstep-provider'],
  CRDVersionAnalyzer: ['custom-resource-definition/gateway-api-version'],
  ConflictingServiceEntryProtocolAnalyzer: ['service-entry/conflicting-protocols'],
  PodNotSelectedAnalyzer: [
    'destination-rule/subset-selects-workloads',
    'destination-rule/host-exists',
  ],
};

interface CaseFile {
  readonly analyzer: { readonly goType: string };
  readonly meshConfigFile?: { readonly file: string };
}

interface Expected {
  readonly code: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

function read(path: string): string {
  return readFileSync(new URL(path, CASES), 'utf8');
}

/** Strict parsing first; cases whose inputs fail meshlens's schema check load leniently. */
function loadCase(folder: string): Resource[] {
  const names = readdirSync(new URL(`${folder}/inputs/`, CASES)).sort();
  const files = [
    ...names.map((name) => ({ name, text: read(`${folder}/inputs/${name}`) })),
    { name: 'default-ingress.yaml', text: read('harness/default-ingress.yaml') },
  ];
  const parsed = parseSnapshot(files, { defaultNamespace: DEFAULT_NAMESPACE });
  if (parsed.ok) {
    return parsed.value.resources;
  }
  return files.flatMap((f) => loadFixture(f.text, f.name, DEFAULT_NAMESPACE).resources);
}

function meshConfigOf(folder: string, spec: CaseFile): JsonObject | undefined {
  if (spec.meshConfigFile === undefined) {
    return undefined;
  }
  const value: unknown = load(read(`${folder}/${spec.meshConfigFile.file}`));
  return isJsonObject(value) ? value : {};
}

function key(code: string, kind: string, namespace: string, name: string): string {
  return `${code} ${kind} ${namespace}/${name}`;
}

function expectedNamespace(e: Expected, resources: readonly Resource[]): string {
  if (e.namespace !== '') {
    return e.namespace;
  }
  const resource = resources.find((r) => r.key.kind === e.kind && r.key.name === e.name);
  return resource === undefined || isClusterScoped(resource.key.group, e.kind)
    ? ''
    : DEFAULT_NAMESPACE;
}

const folders = readdirSync(CASES)
  .filter((f) => /^\d{3}-/.test(f))
  .sort();

describe('istioctl analyze cases (corpus/istio-analyzer-cases)', () => {
  it.each(folders)('%s', (folder) => {
    const spec = JSON.parse(read(`${folder}/case.json`)) as CaseFile;
    const expected = JSON.parse(read(`${folder}/expected.json`)) as Expected[];
    const ruleIds = PORTS[spec.analyzer.goType];
    expect(ruleIds, `no port of ${spec.analyzer.goType}`).toBeDefined();
    const rules = RULES.filter((r) => (ruleIds ?? []).includes(r.id));
    const ported = rules.flatMap((r) =>
      r.messages.map((m) => CATALOG[m] as { istioCode?: string }),
    );
    const codes = new Set(
      expected.length > 0
        ? expected.map((e) => e.code)
        : ported.flatMap((m) => (m.istioCode === undefined ? [] : [m.istioCode])),
    );
    const resources = loadCase(folder);
    const meshConfig = meshConfigOf(folder, spec);
    const findings = analyze(resources, {
      rules,
      ...(meshConfig === undefined ? {} : { meshConfig }),
    });
    const actual = findings
      .filter((f) => f.istioCode !== undefined && codes.has(f.istioCode))
      .map((f) => key(f.istioCode ?? '', f.resource.kind, f.resource.namespace, f.resource.name))
      .sort();
    const wanted = expected
      .map((e) => key(e.code, e.kind, expectedNamespace(e, resources), e.name))
      .sort();
    expect(actual).toEqual(wanted);
  });
});
