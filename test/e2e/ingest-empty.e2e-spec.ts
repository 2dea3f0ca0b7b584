import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, uniqueEnvironment } from '../setup/test-app.js';

// A GitOps render step that produced nothing (or only comments) must not wipe an environment:
// a snapshot with no object is refused (MESH0008) unless allowEmpty asks for an empty version.

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await t.close();
});

const SERVICE =
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{ port: 80 }]\n';
const COMMENTS = '# rendered by CI\n---\n# nothing here\n---\n';

function ingestYaml(env: string, yaml: string, query = '') {
  return request(t.server)
    .post(`/api/v1/environments/${env}/versions${query}`)
    .set('content-type', 'application/yaml')
    .send(yaml);
}

async function latest(env: string) {
  const res = await request(t.server).get(`/api/v1/environments/${env}/versions/latest`);
  return res.body as { number: number; objectCount: number };
}

describe('ingest of a snapshot with no object', () => {
  it('refuses a comment-only body (MESH0008) and keeps the latest version', async () => {
    const env = uniqueEnvironment('empty');
    expect((await ingestYaml(env, SERVICE)).status).toBe(201);
    const res = await ingestYaml(env, COMMENTS);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'INVALID_INPUT', inputCode: 'MESH0008' });
    expect(res.body.error.message).toContain('allowEmpty');
    expect(await latest(env)).toMatchObject({ number: 1, objectCount: 1 });
  });

  it('refuses comment-only multipart files, and 600 empty documents (the streamed path)', async () => {
    const env = uniqueEnvironment('empty-files');
    expect((await ingestYaml(env, SERVICE)).status).toBe(201);
    const multipart = await request(t.server)
      .post(`/api/v1/environments/${env}/versions`)
      .attach('files', Buffer.from(COMMENTS), 'a.yaml')
      .attach('files', Buffer.from('# empty\n'), 'b.yaml');
    expect(multipart.status).toBe(400);
    expect(multipart.body.error.inputCode).toBe('MESH0008');
    expect(multipart.body.error.message).toContain('its 2 files have');
    const many = await ingestYaml(env, '# c\n---\n'.repeat(600));
    expect(many.status).toBe(400);
    expect(many.body.error.inputCode).toBe('MESH0008');
    expect(await latest(env)).toMatchObject({ number: 1, objectCount: 1 });
  });

  it('stores an empty version when allowEmpty=true (REST) or allowEmpty: true (GraphQL)', async () => {
    const env = uniqueEnvironment('empty-allowed');
    expect((await ingestYaml(env, SERVICE)).status).toBe(201);
    const res = await ingestYaml(env, COMMENTS, '?allowEmpty=true');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.version).toMatchObject({ number: 2, objectCount: 0, removed: 1 });
    expect((await ingestYaml(env, SERVICE, '?allowEmpty=maybe')).status).toBe(400);

    const env2 = uniqueEnvironment('empty-graphql');
    expect((await ingestYaml(env2, SERVICE)).status).toBe(201);
    const mutation = `mutation($i: IngestSnapshotInput!) { ingestSnapshot(input: $i) { created version { number objectCount } } }`;
    const send = (allowEmpty: boolean) =>
      request(t.server)
        .post('/graphql')
        .send({
          query: mutation,
          variables: {
            i: { environment: env2, files: [{ name: 'a.yaml', text: COMMENTS }], allowEmpty },
          },
        });
    const refused = await send(false);
    expect(JSON.stringify(refused.body)).toContain('MESH0008');
    const stored = await send(true);
    expect(stored.body.data?.ingestSnapshot?.version, JSON.stringify(stored.body)).toEqual({
      number: 2,
      objectCount: 0,
    });
  });
});
