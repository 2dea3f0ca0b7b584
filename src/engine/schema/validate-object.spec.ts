import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../model/json.js';
import { compileOnce } from './ajv-instance.js';
import { toAjvSchema } from './to-ajv-schema.js';
import { validateObject, type ObjectType, type SchemaVerdict } from './validate-object.js';

function typeOf(object: JsonObject): ObjectType {
  const apiVersion = typeof object['apiVersion'] === 'string' ? object['apiVersion'] : '';
  const slash = apiVersion.indexOf('/');
  return {
    apiVersion,
    group: slash < 0 ? '' : apiVersion.slice(0, slash),
    version: slash < 0 ? apiVersion : apiVersion.slice(slash + 1),
    kind: typeof object['kind'] === 'string' ? object['kind'] : '',
  };
}

function verdict(object: JsonObject): SchemaVerdict {
  return validateObject(object, typeOf(object));
}

function firstMessage(object: JsonObject): string {
  const result = verdict(object);
  return result.status === 'invalid' ? (result.violations[0]?.message ?? '') : result.status;
}

const deployment = (containerPort: JsonObject[keyof JsonObject]): JsonObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort }] }] },
    },
  },
});

describe('validateObject: core Kubernetes kinds (kubernetes-models)', () => {
  it('accepts a valid Deployment and rejects a wrongly typed field', () => {
    expect(verdict(deployment(80))).toEqual({ status: 'valid' });
    expect(firstMessage(deployment('http'))).toBe(
      'spec.template.spec.containers[0].ports[0].containerPort: Invalid value: "http": spec.template.spec.containers[0].ports[0].containerPort in body must be of type integer: "string"',
    );
  });

  it('rejects a missing required field', () => {
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { ports: [{ name: 'http' }] },
    };
    expect(firstMessage(service)).toBe('spec.ports[0].port: Required value');
  });

  it('accepts a NetworkPolicy without podSelector, as the API server does (its zero value selects all pods)', () => {
    const policy = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'p' },
      spec: { policyTypes: ['Ingress'] },
    };
    expect(verdict(policy)).toEqual({ status: 'valid' });
  });

  it('does not refuse unknown fields in core kinds (the generated schemas allow them)', () => {
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { trafficDistributionX: 'PreferClose' },
    };
    expect(verdict(service)).toEqual({ status: 'valid' });
  });

  it('never prints a Secret value in a message', () => {
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      data: { key: 'not base64 !!' },
    };
    expect(firstMessage(secret)).toBe(
      'data.key: Invalid value: "<redacted>": data.key in body must be of type byte: "<redacted>"',
    );
  });

  it('an unknown version of a core kind is an unknown kind, not an error', () => {
    expect(
      verdict({ apiVersion: 'apps/v1beta1', kind: 'Deployment', metadata: { name: 'old' } }),
    ).toEqual({ status: 'unknown-kind' });
  });
});

describe('validateObject: ObjectMeta, for every kind', () => {
  it('refuses a label whose value is not a string (`version: 1` unquoted)', () => {
    const object = {
      apiVersion: 'example.com/v1',
      kind: 'Thing',
      metadata: { name: 'a', labels: { version: 1 } },
    };
    expect(firstMessage(object)).toBe(
      'metadata.labels.version: Invalid value: 1: labels values must be strings (quote the value in YAML)',
    );
  });

  it('refuses unknown metadata fields', () => {
    expect(
      firstMessage({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', nmespace: 'x' } }),
    ).toBe('unknown field "metadata.nmespace"');
  });

  it('checks names per kind: Service names are DNS-1035 labels, Istio names DNS subdomains', () => {
    expect(firstMessage({ apiVersion: 'v1', kind: 'Service', metadata: { name: '1web' } })).toMatch(
      /^metadata\.name: Invalid value: "1web": a DNS-1035 label/,
    );
    expect(
      verdict({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'My_Config' } }),
    ).toEqual({ status: 'valid' });
    const vs = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'Reviews' },
      spec: {},
    };
    expect(firstMessage(vs)).toMatch(
      /^metadata\.name: Invalid value: "Reviews": a lowercase RFC 1123 subdomain/,
    );
  });
});

describe('validateObject: Istio kinds (CRD OpenAPI + CEL)', () => {
  const envoyFilter = (value: JsonObject): JsonObject => ({
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'EnvoyFilter',
    metadata: { name: 'f' },
    spec: { configPatches: [{ applyTo: 'HTTP_FILTER', patch: { operation: 'MERGE', value } }] },
  });

  it('keeps x-kubernetes-preserve-unknown-fields subtrees open (EnvoyFilter patch values)', () => {
    expect(verdict(envoyFilter({ anything: { goes: [1, 'two'] } }))).toEqual({ status: 'valid' });
  });

  it('translates int-or-string and nullable, and closes objects without preserve-unknown-fields', () => {
    const validate = compileOnce('spec:int-or-string', () =>
      toAjvSchema({
        type: 'object',
        properties: {
          spec: {
            type: 'object',
            properties: {
              port: {
                anyOf: [{ type: 'integer' }, { type: 'string' }],
                'x-kubernetes-int-or-string': true,
              },
              note: { type: 'string', nullable: true },
              open: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
            },
          },
        },
      }),
    );
    const object = (spec: JsonObject): JsonObject => ({
      apiVersion: 'x/v1',
      kind: 'X',
      metadata: { name: 'x' },
      spec,
    });
    expect(validate(object({ port: 80, note: null, open: { any: 1 } }))).toBe(true);
    expect(validate(object({ port: 'http' }))).toBe(true);
    expect(validate(object({ port: true }))).toBe(false);
    expect(validate(object({ extra: 1 }))).toBe(false);
  });

  it('reports every violation, schema errors first, as the API server lists them', () => {
    const wasm = {
      apiVersion: 'extensions.istio.io/v1alpha1',
      kind: 'WasmPlugin',
      metadata: { name: 'w' },
      spec: { match: [{ ports: [{}] }] },
    };
    const result = verdict(wasm);
    expect(
      result.status === 'invalid' && result.violations.map((violation) => violation.message),
    ).toEqual(['spec.url: Required value', 'spec.match[0].ports[0].number: Required value']);
  });

  it('skips CEL rules after a type error, as the API server does (hasBlockingErr)', () => {
    const pa = {
      apiVersion: 'security.istio.io/v1',
      kind: 'PeerAuthentication',
      metadata: { name: 'p' },
      spec: { mtls: { mode: 'BLAH' }, portLevelMtls: { '80': { mode: 'STRICT' } } },
    };
    const result = verdict(pa);
    expect(
      result.status === 'invalid' && result.violations.map((violation) => violation.path.join('.')),
    ).toEqual(['spec.mtls.mode']);
  });

  it('names the served versions of a known Istio kind given an unserved one', () => {
    expect(
      verdict({
        apiVersion: 'security.istio.io/v1alpha1',
        kind: 'AuthorizationPolicy',
        metadata: { name: 'a' },
      }),
    ).toEqual({
      status: 'unsupported-version',
      served: ['v1', 'v1beta1'],
    });
  });
});
