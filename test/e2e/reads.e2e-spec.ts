import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readText, SAMPLES_DIR } from '../support/corpus.js';
import { startTestApp, type TestApp, uniqueEnvironment } from '../setup/test-app.js';

const BOOKINFO = readText(join(SAMPLES_DIR, 'samples/bookinfo/platform/kube/bookinfo.yaml'));
const GATEWAY = readText(join(SAMPLES_DIR, 'samples/bookinfo/networking/bookinfo-gateway.yaml'));

let t: TestApp;
const env = uniqueEnvironment('reads');

beforeAll(async () => {
  t = await startTestApp();
  for (const [i, body] of [BOOKINFO, `${BOOKINFO}\n---\n${GATEWAY}`, GATEWAY].entries()) {
    const res = await request(t.server)
      .post(`/api/v1/environments/${env}/versions?commit=c${i + 1}&author=bob`)
      .set('content-type', 'application/yaml')
      .send(body);
    expect(res.status).toBe(201);
  }
});

afterAll(async () => {
  await t.close();
});

async function graphql(query: string, variables: Record<string, unknown> = {}) {
  const res = await request(t.server)
    .post('/graphql')
    .set('content-type', 'application/json')
    .send({ query, variables });
  return res;
}

describe('REST reads', () => {
  it('lists environments with their latest version', async () => {
    const res = await request(t.server).get('/api/v1/environments');
    expect(res.status).toBe(200);
    expect(res.body.find((e: { name: string }) => e.name === env)).toMatchObject({
      latestVersion: 3,
      kind: 'cluster',
    });
  });

  it('paginates versions newest first', async () => {
    const first = await request(t.server).get(`/api/v1/environments/${env}/versions?limit=2`);
    expect(first.body.items.map((v: { number: number }) => v.number)).toEqual([3, 2]);
    expect(first.body.totalCount).toBe(3);
    const second = await request(t.server).get(
      `/api/v1/environments/${env}/versions?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((v: { number: number }) => v.number)).toEqual([1]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('reads one version with its change counts', async () => {
    const res = await request(t.server).get(`/api/v1/environments/${env}/versions/3`);
    expect(res.body).toMatchObject({
      number: 3,
      commit: 'c3',
      author: 'bob',
      added: 0,
      objectCount: 2,
    });
    expect(res.body.removed).toBeGreaterThan(10);
  });

  it('filters objects by kind, namespace and name, and pages them', async () => {
    const all = await request(t.server).get(
      `/api/v1/environments/${env}/versions/2/objects?limit=5`,
    );
    expect(all.body.items).toHaveLength(5);
    const ids: string[] = all.body.items.map((o: { id: string }) => o.id);
    expect([...ids].sort()).toEqual(ids);
    const next = await request(t.server).get(
      `/api/v1/environments/${env}/versions/2/objects?limit=100&cursor=${encodeURIComponent(all.body.nextCursor)}`,
    );
    expect((next.body.items as unknown[]).length + 5).toBe(all.body.totalCount);
    const vs = await request(t.server).get(
      `/api/v1/environments/${env}/versions/2/objects?kind=VirtualService&namespace=default`,
    );
    expect(vs.body.items.map((o: { name: string }) => o.name)).toEqual(['bookinfo']);
  });

  it('matches kind in any case, as kubectl does; never as a pattern', async () => {
    const objects = (query: string) =>
      request(t.server).get(`/api/v1/environments/${env}/versions/2/objects?${query}`);
    for (const kind of ['virtualservice', 'VIRTUALSERVICE', 'VirtualService']) {
      const res = await objects(`kind=${kind}&namespace=default`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((o: { kind: string; name: string }) => [o.kind, o.name])).toEqual([
        ['VirtualService', 'bookinfo'],
      ]);
    }
    for (const pattern of ['Virtual_ervice', 'Virtual%', '%']) {
      expect((await objects(`kind=${encodeURIComponent(pattern)}`)).body.totalCount).toBe(0);
    }
    const one = await request(t.server).get(
      `/api/v1/environments/${env}/versions/2/objects/virtualservice/default/bookinfo`,
    );
    expect(one.status).toBe(200);
    expect(one.body.kind).toBe('VirtualService');
  });

  it('answers 404 with a code for unknown environments, versions and objects, 400 for bad arguments', async () => {
    expect(
      (await request(t.server).get('/api/v1/environments/nope/versions')).body.error.code,
    ).toBe('ENVIRONMENT_NOT_FOUND');
    expect((await request(t.server).get(`/api/v1/environments/${env}/versions/99`)).status).toBe(
      404,
    );
    expect(
      (
        await request(t.server).get(
          `/api/v1/environments/${env}/versions/1/objects/Service/default/nope`,
        )
      ).status,
    ).toBe(404);
    expect((await request(t.server).get(`/api/v1/environments/${env}/versions/abc`)).status).toBe(
      400,
    );
    expect(
      (await request(t.server).get(`/api/v1/environments/${env}/versions?limit=-1`)).status,
    ).toBe(400);
  });

  it('rejects an unsupported content type with 415', async () => {
    const res = await request(t.server)
      .post(`/api/v1/environments/${env}/versions`)
      .set('content-type', 'application/xml')
      .send('<a/>');
    expect(res.status).toBe(415);
  });

  it('serves OpenAPI and health endpoints', async () => {
    const doc = await request(t.server).get('/api/docs/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toContain('/api/v1/environments/{env}/versions');
    expect((await request(t.server).get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await request(t.server).get('/readyz')).body).toEqual({
      status: 'ready',
      database: 'ok',
    });
  });

  it('OpenAPI: a bearer scheme on guarded operations (401/403), 404s, the token body', async () => {
    interface Operation {
      security?: Record<string, string[]>[];
      responses: Record<string, unknown>;
      requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
    }
    const doc = (await request(t.server).get('/api/docs/openapi.json')).body as {
      paths: Record<string, Record<string, Operation>>;
      components: { securitySchemes?: Record<string, unknown> };
    };
    expect(doc.components.securitySchemes?.['bearer']).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(doc.components.securitySchemes?.['bearer']).not.toMatchObject({ bearerFormat: 'JWT' });
    const ingest = doc.paths['/api/v1/environments/{env}/versions']?.['post'];
    expect(ingest?.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(ingest?.responses ?? {})).toEqual(expect.arrayContaining(['401', '403']));
    const body = doc.paths['/api/v1/tokens']?.['post']?.requestBody;
    expect(body?.content['application/json']?.schema.$ref).toMatch(/CreateTokenBodyDto$/);
    for (const probe of ['/healthz', '/readyz']) {
      const operation = doc.paths[probe]?.['get'];
      expect(operation, probe).toBeDefined();
      expect(operation?.security, probe).toBeUndefined();
      expect(Object.keys(operation?.responses ?? {}), probe).not.toContain('401');
    }
    // Every other operation is guarded, and one naming an environment documents its 404.
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const where = `${method} ${path}`;
        if (path === '/healthz' || path === '/readyz') {
          continue;
        }
        expect(operation.security, where).toEqual([{ bearer: [] }]);
        expect(
          Object.keys(operation.responses).some((code) => code.startsWith('2')),
          where,
        ).toBe(true);
        expect(Object.keys(operation.responses), where).toEqual(
          expect.arrayContaining(['401', '403']),
        );
        const createsEnvironment = where === 'post /api/v1/environments/{env}/versions';
        if (path.includes('{env}') && !createsEnvironment) {
          expect(Object.keys(operation.responses), where).toContain('404');
        }
      }
    }
  });
});

describe('GraphQL reads and ingest', () => {
  it('serves environments, versions (Relay connection) and objects', async () => {
    const res = await graphql(
      `
        query ($env: String!) {
          environment(name: $env) {
            name
            latestVersion
          }
          versions(environment: $env, first: 2) {
            totalCount
            pageInfo {
              hasNextPage
              endCursor
            }
            edges {
              cursor
              node {
                number
                commit
              }
            }
          }
          objects(environment: $env, version: 2, kind: "Service", first: 2) {
            totalCount
            edges {
              node {
                name
                namespace
                body
              }
            }
          }
          object(
            environment: $env
            version: 1
            kind: "Service"
            namespace: "default"
            name: "reviews"
          ) {
            hash
            body
          }
        }
      `,
      { env },
    );
    expect(res.body.errors).toBeUndefined();
    const data = res.body.data;
    expect(data.environment.latestVersion).toBe(3);
    expect(data.versions.edges.map((e: { node: { number: number } }) => e.node.number)).toEqual([
      3, 2,
    ]);
    expect(data.versions.pageInfo).toEqual({ hasNextPage: true, endCursor: '2' });
    expect(data.objects.totalCount).toBe(4);
    expect(data.objects.edges[0].node.body.kind).toBe('Service');
    expect(data.object.body.spec.selector).toEqual({ app: 'reviews' });
  });

  it('ingests through the ingestSnapshot mutation and reports located input errors', async () => {
    const target = uniqueEnvironment('gql');
    const mutation = `mutation($input: IngestSnapshotInput!) { ingestSnapshot(input: $input) { created message version { number author } } }`;
    const ok = await graphql(mutation, {
      input: { environment: target, author: 'carol', files: [{ name: 'gw.yaml', text: GATEWAY }] },
    });
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.ingestSnapshot).toMatchObject({
      created: true,
      version: { number: 1, author: 'carol' },
    });
    const bad = await graphql(mutation, {
      input: { environment: target, files: [{ name: 'bad.yaml', text: 'kind: [' }] },
    });
    expect(bad.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      meshlensCode: 'INVALID_INPUT',
      file: 'bad.yaml',
    });
    expect(bad.body.errors[0].extensions.line).toBeGreaterThanOrEqual(1);
    expect(bad.body.errors[0].extensions.inputCode).toBe('MESH0001');
  });

  it('returns NOT_FOUND for an unknown environment', async () => {
    const res = await graphql(`
      {
        environment(name: "does-not-exist") {
          name
        }
      }
    `);
    expect(res.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });
});
