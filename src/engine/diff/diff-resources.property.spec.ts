import fc from 'fast-check';
import microdiff from 'microdiff';
import { describe, expect, it } from 'vitest';
import { isJsonObject, type JsonObject, type JsonValue } from '../model/json.js';
import { groupOf, type Resource } from '../model/resource.js';
import { canonicalForm } from './canonical-form.js';
import { diffResources } from './diff-resources.js';
import { formatFieldPath } from './field-path.js';

// Small vocabularies so that independently drawn objects are often semantically equal.
const host = fc.constantFrom(
  'reviews',
  'reviews.default.svc.cluster.local',
  'ratings',
  '*',
  'a.example.com',
);
const gateway = fc.constantFrom(
  'mesh',
  'gw',
  './gw',
  'default/gw',
  'gw.default.svc.cluster.local',
  'x/gw',
);
const small = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T[]> => fc.array(arb, { maxLength: 3 });
const maybe = (key: string, arb: fc.Arbitrary<JsonValue>): fc.Arbitrary<JsonObject> =>
  fc.option(arb, { nil: undefined }).map((v): JsonObject => (v === undefined ? {} : { [key]: v }));
const merge = (...parts: fc.Arbitrary<JsonObject>[]): fc.Arbitrary<JsonObject> =>
  fc.tuple(...parts).map((objects) => Object.assign({}, ...objects) as JsonObject);

const destination = merge(
  fc.record({
    destination: merge(
      host.map((h) => ({ host: h })),
      maybe('subset', fc.constantFrom('v1', 'v2')),
    ),
  }),
  maybe('weight', fc.constantFrom(0, 10, 90, 100)),
);
const httpRule = merge(
  maybe('match', small(maybe('gateways', small(gateway)))),
  maybe('route', small(destination)),
  maybe(
    'mirror',
    host.map((h) => ({ host: h })),
  ),
);
const virtualService = merge(
  maybe('hosts', small(host)),
  maybe('gateways', small(gateway)),
  maybe('exportTo', fc.constantFrom(['*'], ['.'], ['*', '.'])),
  maybe('http', small(httpRule)),
);
const subset = merge(
  fc.record({ name: fc.constantFrom('v1', 'v2', 'v3') }),
  maybe('labels', fc.record({ version: fc.constantFrom('v1', 'v2') })),
);
const destinationRule = merge(
  fc.record({ host }),
  maybe('subsets', small(subset)),
  maybe('exportTo', fc.constantFrom(['*'], ['.'])),
);
const servicePort = merge(
  fc.record({ port: fc.constantFrom(80, 9080) }),
  maybe('name', fc.constantFrom('http', 'grpc')),
  maybe('protocol', fc.constantFrom('TCP', 'UDP')),
  maybe('targetPort', fc.constantFrom(80, 9080, 'http')),
);
const service = merge(
  maybe('type', fc.constantFrom('ClusterIP', 'NodePort')),
  maybe('ports', small(servicePort)),
  maybe('selector', fc.record({ app: fc.constantFrom('a', 'b') })),
);
const authorizationPolicy = merge(
  maybe('action', fc.constantFrom('ALLOW', 'DENY')),
  maybe(
    'rules',
    small(
      fc.record({
        from: small(
          fc.record({ source: fc.record({ principals: small(fc.constantFrom('p', 'q', '*')) }) }),
        ),
      }),
    ),
  ),
);
const SPECS: Record<string, [string, fc.Arbitrary<JsonObject>]> = {
  VirtualService: ['networking.istio.io/v1', virtualService],
  DestinationRule: ['networking.istio.io/v1beta1', destinationRule],
  Service: ['v1', service],
  AuthorizationPolicy: ['security.istio.io/v1', authorizationPolicy],
};
const metadataExtras = merge(
  maybe(
    'labels',
    fc.dictionary(fc.constantFrom('app', 'app.kubernetes.io/name'), fc.constantFrom('x', 'y')),
  ),
  maybe(
    'annotations',
    fc.constantFrom(
      { 'deployment.kubernetes.io/revision': '1' },
      { 'sidecar.istio.io/inject': 'false' },
    ),
  ),
  maybe('resourceVersion', fc.constantFrom('1', '2')),
);

function resource(
  kind: string,
  apiVersion: string,
  spec: JsonObject,
  extras: JsonObject,
): Resource {
  const body = { apiVersion, kind, metadata: { name: 'r', namespace: 'default', ...extras }, spec };
  return {
    key: { group: groupOf(apiVersion), kind, namespace: 'default', name: 'r' },
    apiVersion,
    body,
    known: true,
  };
}

const kind = fc.constantFrom(...Object.keys(SPECS));
const resourceOf = (k: string): fc.Arbitrary<Resource> => {
  const [apiVersion, spec] = SPECS[k] ?? ['v1', fc.constant({})];
  return fc.tuple(spec, metadataExtras).map(([s, m]) => resource(k, apiVersion, s, m));
};
const anyResource = kind.chain(resourceOf);
const samePair = kind.chain((k) => fc.tuple(resourceOf(k), resourceOf(k)));

/** Deterministic perturbation: reverses some arrays and the key order of every object. */
function perturb(value: JsonValue, bits: number[], at = { i: 0 }): JsonValue {
  if (Array.isArray(value)) {
    const items = value.map((v) => perturb(v, bits, at));
    at.i += 1;
    return (bits[at.i % bits.length] ?? 0) % 2 === 1 ? items.reverse() : items;
  }
  if (isJsonObject(value)) {
    const out: JsonObject = {};
    for (const key of Object.keys(value).reverse()) {
      out[key] = perturb(value[key] as JsonValue, bits, at);
    }
    return out;
  }
  return value;
}

/** Spellings Istio treats alike in some (not all) positions; swapped wherever they occur. */
const SPELLINGS: readonly (readonly JsonValue[])[] = [
  ['reviews', 'reviews.default.svc.cluster.local'],
  ['gw', './gw', 'default/gw', 'gw.default.svc.cluster.local'],
  ['ClusterIP', 'NodePort'],
  [80, 9080],
];

function respell(value: JsonValue, bits: number[], at = { i: 0 }): JsonValue {
  if (Array.isArray(value)) {
    return value.map((v) => respell(v, bits, at));
  }
  if (isJsonObject(value)) {
    const out: JsonObject = {};
    for (const [key, child] of Object.entries(value)) {
      out[key] = key === 'apiVersion' || key === 'kind' ? child : respell(child, bits, at);
    }
    return out;
  }
  const group = SPELLINGS.find((g) => g.includes(value));
  at.i += 1;
  return group === undefined
    ? value
    : (group[(bits[at.i % bits.length] ?? 0) % group.length] ?? value);
}

const noChangeIffCanonicalEqual = (a: Resource, b: Resource): void => {
  const changes = diffResources([a], [b]);
  expect(changes.length === 0).toBe(canonicalForm(a) === canonicalForm(b));
  for (const change of changes) {
    const paths = change.fields.map((f) => f.path);
    expect(paths.length).toBeGreaterThan(0);
    expect(new Set(paths).size).toBe(paths.length);
  }
};

describe('diffResources properties', () => {
  it('diff(a, a) is empty, also with key order shuffled', () => {
    fc.assert(
      fc.property(anyResource, (a) => {
        expect(diffResources([a], [a])).toEqual([]);
        const shuffled = { ...a, body: perturb(a.body, [0]) as JsonObject };
        expect(diffResources([a], [shuffled])).toEqual([]);
      }),
    );
  });

  it('diff(a, b) is empty iff the normalised canonical forms are equal', () => {
    fc.assert(
      fc.property(samePair, ([a, b]) => {
        noChangeIffCanonicalEqual(a, b);
      }),
      { numRuns: 500 },
    );
  });

  it('reordering lists is no change exactly where the canonical form says so', () => {
    fc.assert(
      fc.property(anyResource, fc.array(fc.nat(3), { minLength: 1, maxLength: 8 }), (a, bits) => {
        noChangeIffCanonicalEqual(a, { ...a, body: perturb(a.body, bits) as JsonObject });
      }),
      { numRuns: 500 },
    );
  });

  it('respelling hosts, gateways and values is no change exactly where the canonical form says so', () => {
    const bitsArb = fc.array(fc.nat(7), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(anyResource, bitsArb, bitsArb, (a, spell, order) => {
        const b = perturb(respell(a.body, spell), order) as JsonObject;
        noChangeIffCanonicalEqual(a, { ...a, body: b });
      }),
      { numRuns: 1000 },
    );
  });

  it('matches microdiff exactly where no normalisation or order-insensitive list applies', () => {
    const leaf = fc.oneof(
      fc.constantFrom('a', 'b', ''),
      fc.integer({ min: 0, max: 2 }),
      fc.boolean(),
    );
    const { json } = fc.letrec<{ json: JsonValue }>((tie) => ({
      json: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('json'), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom('x', 'y', 'a.b', 'c/d'), tie('json'), { maxKeys: 3 }),
      ),
    }));
    const widget = (spec: JsonValue): Resource => {
      const body = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec };
      return {
        key: { group: 'example.com', kind: 'Widget', namespace: '', name: 'w' },
        apiVersion: 'example.com/v1',
        body,
        known: true,
      };
    };
    fc.assert(
      fc.property(json, json, (x, y) => {
        const ours = diffResources([widget(x)], [widget(y)]).flatMap((c) => c.fields);
        const theirs = microdiff({ spec: x }, { spec: y }).map((d) => ({
          path: formatFieldPath(d.path),
          ...(d.type === 'CREATE' ? {} : { before: d.oldValue as JsonValue }),
          ...(d.type === 'REMOVE' ? {} : { after: d.value as JsonValue }),
        }));
        const byPath = (a: { path: string }, b: { path: string }): number =>
          a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
        expect([...ours].sort(byPath)).toEqual(theirs.sort(byPath));
      }),
      { numRuns: 1000 },
    );
  });
});
