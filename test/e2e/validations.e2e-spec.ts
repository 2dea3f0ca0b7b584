import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderYaml, SCENARIOS_DIR } from '../support/corpus.js';
import { startTestApp, type TestApp, uniqueEnvironment } from '../setup/test-app.js';

let t: TestApp;
const env = uniqueEnvironment('validations');

beforeAll(async () => {
  t = await startTestApp();
  const scenario = join(SCENARIOS_DIR, '09-service-deleted');
  for (const side of ['before', 'after']) {
    const res = await request(t.server)
      .post(`/api/v1/environments/${env}/versions`)
      .set('content-type', 'application/yaml')
      .send(folderYaml(join(scenario, side)));
    expect(res.status).toBe(201);
  }
});

afterAll(async () => {
  await t.close();
});

describe('validations of stored versions', () => {
  it('computes findings once per version and serves them from the cache after', async () => {
    const first = await request(t.server).get(
      `/api/v1/environments/${env}/validations?version=2&code=IST0101`,
    );
    expect(first.status).toBe(200);
    expect(first.headers['x-meshlens-cache']).toBe('miss');
    expect(first.body.version).toBe(2);
    expect(first.body.findings).toContainEqual(
      expect.objectContaining({
        istioCode: 'IST0101',
        resource: { kind: 'VirtualService', namespace: 'default', name: 'ratings' },
      }),
    );
    const again = await request(t.server).get(
      `/api/v1/environments/${env}/validations?version=2&code=IST0101`,
    );
    expect(again.headers['x-meshlens-cache']).toBe('hit');
    expect(again.body).toEqual(first.body);
    const before = await request(t.server).get(
      `/api/v1/environments/${env}/validations?version=1&code=IST0101`,
    );
    expect(
      before.body.findings.filter(
        (f: { resource: { name: string } }) => f.resource.name === 'ratings',
      ),
    ).toEqual([]);
  });

  it('answers the same in GraphQL, filtered by level', async () => {
    const res = await request(t.server).post('/graphql').send({
      query: `query($env: String!) { validations(environment: $env, filter: { level: "Error" }) { version total byLevel findings { code istioCode level resource { kind name } path } } }`,
      variables: { env },
    });
    expect(res.body.errors).toBeUndefined();
    const v = res.body.data.validations;
    expect(v.version).toBe(2);
    expect(v.total).toBe(v.findings.length);
    expect(v.findings.every((f: { level: string }) => f.level === 'Error')).toBe(true);
    expect(v.byLevel).toEqual({ Error: v.total });
  });

  it('refuses an unknown level with 400 naming it and the accepted ones (REST and GraphQL)', async () => {
    const ok = await request(t.server).get(
      `/api/v1/environments/${env}/validations?version=2&level=Error`,
    );
    expect(ok.status).toBe(200);
    expect(ok.body.findings.length).toBeGreaterThan(0);
    // Levels are spelled as findings carry them (Error, Warning, Info): no lower-case alias.
    for (const level of ['bogus', 'warning']) {
      const res = await request(t.server).get(
        `/api/v1/environments/${env}/validations?version=2&level=${level}`,
      );
      expect(res.status).toBe(400);
      expect(res.body.error).toEqual({
        code: 'INVALID_ARGUMENT',
        message: `level must be one of Error, Warning, Info, not "${level}"`,
      });
    }
    const gql = await request(t.server).post('/graphql').send({
      query: `query($env: String!) { validations(environment: $env, filter: { level: "warning" }) { total } }`,
      variables: { env },
    });
    expect(gql.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(gql.body.errors[0].message).toBe(
      'level must be one of Error, Warning, Info, not "warning"',
    );
  });

  it('refuses a code meshlens never reports with 400, and accepts its own, Istio and Kiali codes', async () => {
    const unknown = await request(t.server).get(
      `/api/v1/environments/${env}/validations?version=2&code=IST9999`,
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('"IST9999" is not a code meshlens reports');
    for (const code of ['MESH1112', 'IST0101', 'KIA1101']) {
      const res = await request(t.server).get(
        `/api/v1/environments/${env}/validations?version=2&code=${code}`,
      );
      expect(res.status, `${code}: ${res.text}`).toBe(200);
    }
  });

  it('matches kind in any case, as kubectl does', async () => {
    const exact = await request(t.server).get(
      `/api/v1/environments/${env}/validations?version=2&kind=VirtualService`,
    );
    expect(exact.body.findings.length).toBeGreaterThan(0);
    const lower = await request(t.server).get(
      `/api/v1/environments/${env}/validations?version=2&kind=virtualservice`,
    );
    expect(lower.status).toBe(200);
    expect(lower.body.findings).toEqual(exact.body.findings);
  });
});
