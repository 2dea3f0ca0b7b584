import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, uniqueEnvironment } from '../setup/test-app.js';

/** Body limit for this app: small, so the "too large" case needs no 100 MB buffer. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

function aliasBomb(): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: lol, namespace: default}'];
  lines.push('data:', '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]');
  let previous = 'a';
  for (const name of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']) {
    lines.push(`  ${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    previous = name;
  }
  return `${lines.join('\n')}\n`;
}

function deepNesting(depth: number): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep, namespace: default}\ndata: {x: ${'['.repeat(depth)}${']'.repeat(depth)}}\n`;
}

function manyDocuments(count: number): string {
  const doc = (i: number) =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n  namespace: default\n`;
  return Array.from({ length: count }, (_, i) => doc(i)).join('---\n');
}

interface HostileCase {
  readonly name: string;
  readonly body: () => string | Buffer;
  readonly status: number;
  readonly code: string;
  /** The 1-based line the error points at (a located error), when the parser can tell. */
  readonly line?: number;
  readonly contentType?: string;
}

const CONFIG_MAP_JSON =
  '{"apiVersion": "v1", "kind": "ConfigMap",\n "metadata": {"name": "c", "namespace": "default"},\n';

const CASES: HostileCase[] = [
  {
    name: 'alias bomb (billion laughs)',
    body: aliasBomb,
    status: 400,
    code: 'INVALID_INPUT',
    line: 1,
  },
  {
    name: '10k-deep nesting',
    body: () => deepNesting(10_000),
    status: 400,
    code: 'INVALID_INPUT',
    line: 4,
  },
  {
    name: 'body over MESHLENS_MAX_BODY_BYTES',
    body: () => 'x'.repeat(MAX_BODY_BYTES + 1),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'invalid UTF-8',
    body: () =>
      Buffer.concat([
        Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: '),
        Buffer.from([0xc3, 0x28]),
        Buffer.from('}\n'),
      ]),
    status: 400,
    code: 'INVALID_INPUT',
    line: 3,
  },
  {
    name: 'more documents than MESHLENS_MAX_DOCUMENTS',
    body: () => manyDocuments(2_001),
    status: 400,
    code: 'INVALID_INPUT',
    line: 12_001, // the first object over the limit: 6 lines per document
  },
  {
    // 2 MB body limit here: 500k empty documents (a million: document-count.spec.ts)
    name: '500k documents (empty: they would be skipped one by one)',
    body: () => '---\n'.repeat(500_000),
    status: 400,
    code: 'INVALID_INPUT',
    line: 2_002, // the first document over MESHLENS_MAX_DOCUMENTS (2000)
  },
  {
    name: 'duplicate keys (YAML)',
    body: () =>
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: "1"}\ndata: {a: "2"}\n',
    status: 400,
    code: 'INVALID_INPUT',
    line: 5,
  },
  {
    name: 'duplicate keys (JSON, which JSON.parse would accept)',
    body: () => `${CONFIG_MAP_JSON} "data": {"a": "1"},\n "data": {"a": "2"}}`,
    contentType: 'application/json',
    status: 400,
    code: 'INVALID_INPUT',
    line: 4,
  },
  {
    name: 'absurd number (1e400 reads as Infinity)',
    body: () => `${CONFIG_MAP_JSON} "spec": {\n "replicas": 1e400}}`,
    contentType: 'application/json',
    status: 400,
    code: 'INVALID_INPUT',
    line: 4,
  },
  {
    name: 'integer beyond 2^53 (would be rounded)',
    body: () =>
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nspec:\n  n: 12345678901234567890\n',
    status: 400,
    code: 'INVALID_INPUT',
    line: 5,
  },
];

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    MESHLENS_MAX_BODY_BYTES: String(MAX_BODY_BYTES),
    MESHLENS_MAX_DOCUMENTS: '2000',
    MESHLENS_GRAPHQL_MAX_DEPTH: '3',
    MESHLENS_GRAPHQL_MAX_COST: '100',
  });
});

afterAll(async () => {
  await t.close();
});

describe('hostile input is rejected with a clear error and nothing stored', () => {
  for (const hostile of CASES) {
    it(`${hostile.name}: ${hostile.status} ${hostile.code}, no version`, async () => {
      const env = uniqueEnvironment('hostile');
      const started = performance.now();
      const res = await request(t.server)
        .post(`/api/v1/environments/${env}/versions`)
        .set('content-type', hostile.contentType ?? 'application/yaml')
        .send(hostile.body());
      const elapsed = performance.now() - started;
      // Reported, not asserted (timed assertions are flaky): the issue asks for < 1 s.
      process.stdout.write(`hostile input '${hostile.name}': ${elapsed.toFixed(0)} ms\n`);
      expect(res.status, res.text.slice(0, 500)).toBe(hostile.status);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.body).toMatchObject({ error: { code: hostile.code } });
      if (hostile.line !== undefined) {
        expect(res.body).toMatchObject({ error: { line: hostile.line } });
      }
      expect((await request(t.server).get(`/api/v1/environments/${env}`)).status).toBe(404);
    });
  }
});

interface GraphqlBody {
  readonly data?: unknown;
  readonly errors?: { readonly extensions?: Record<string, unknown> }[];
  readonly extensions?: { readonly cost?: unknown };
}

describe('GraphQL depth and cost limits (depth 3, cost 100 here)', () => {
  async function gql(query: string, variables: Record<string, unknown> = {}) {
    const res = await request(t.server).post('/graphql').send({ query, variables });
    return { status: res.status, body: res.body as GraphqlBody };
  }

  it('an operation within the limits runs and reports its cost in extensions', async () => {
    const res = await gql('{ environments { name } }');
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.extensions?.cost).toEqual({ depth: 2, cost: 2, maxDepth: 3, maxCost: 100 });
  });

  it('an operation deeper than the limit is rejected before it runs', async () => {
    const res = await gql('{ objects(environment: "x", first: 1) { edges { node { kind } } } }');
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      cost: { depth: 4, maxDepth: 3 },
    });
  });

  it('page sizes multiply the cost: first (literal, variable or default) counts', async () => {
    const literal = await gql('{ objects(environment: "x", first: 500) { totalCount } }');
    expect(literal.status).toBe(400);
    expect(literal.body.errors?.[0]?.extensions).toMatchObject({ cost: { cost: 501 } });
    const variable = await gql(
      'query($n: Int!) { objects(environment: "x", first: $n) { totalCount } }',
      { n: 99 },
    );
    expect(variable.body.extensions?.cost).toMatchObject({ cost: 100 });
    const byDefault = await gql('{ objects(environment: "x") { totalCount } }');
    expect(byDefault.body.errors?.[0]?.extensions).toMatchObject({ cost: { cost: 101 } });
  });

  it('fragments are expanded when measuring', async () => {
    const res = await gql(
      'query { ...F } fragment F on Query { objects(environment: "x", first: 1) { edges { node { kind } } } }',
    );
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
  });
});
