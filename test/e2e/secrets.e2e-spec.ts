import { join } from 'node:path';
import postgres from 'postgres';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readText, SAMPLES_DIR } from '../support/corpus.js';
import { startTestApp, type TestApp, uniqueEnvironment } from '../setup/test-app.js';

const PLAIN = 'hunter2-meshlens-canary-value';
const ENCODED = Buffer.from('s3cr3t-base64-canary').toString('base64');

let t: TestApp;
let sql: postgres.Sql;

beforeAll(async () => {
  t = await startTestApp();
  sql = postgres(t.databaseUrl, { max: 2, onnotice: () => undefined });
});

afterAll(async () => {
  await sql.end();
  await t.close();
});

/** Every text, varchar and jsonb column of every table, concatenated, searched for `needle`. */
async function databaseContains(needle: string): Promise<string[]> {
  const columns = await sql<{ table_name: string; column_name: string }[]>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json')`;
  const hits: string[] = [];
  for (const { table_name, column_name } of columns) {
    const [row] = await sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM ${sql(table_name)} WHERE ${sql(column_name)}::text LIKE ${'%' + needle + '%'}`;
    if ((row?.n ?? 0) > 0) {
      hits.push(`${table_name}.${column_name}`);
    }
  }
  return hits;
}

describe('Secrets', () => {
  it('never stores, hashes or echoes Secret values; keeps metadata and key names', async () => {
    const env = uniqueEnvironment('secret');
    const secret = [
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: db-credentials',
      '  namespace: default',
      'type: Opaque',
      'data:',
      `  password: ${ENCODED}`,
      'stringData:',
      `  token: ${PLAIN}`,
    ].join('\n');
    const mysql = readText(join(SAMPLES_DIR, 'samples/bookinfo/platform/kube/bookinfo-mysql.yaml'));
    const res = await request(t.server)
      .post(`/api/v1/environments/${env}/versions`)
      .set('content-type', 'application/yaml')
      .send(`${secret}\n---\n${mysql}`);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(JSON.stringify(res.body)).not.toContain(PLAIN);

    const stored = await request(t.server).get(
      `/api/v1/environments/${env}/versions/1/objects/Secret/default/db-credentials`,
    );
    expect(stored.status).toBe(200);
    expect(stored.body.body.data).toBeUndefined();
    expect(stored.body.body.stringData).toBeUndefined();
    expect(stored.body.body.metadata.annotations['meshlens.io/redacted-keys']).toBe(
      'password,token',
    );
    expect(JSON.stringify(stored.body)).not.toContain(PLAIN);

    expect(await databaseContains(PLAIN)).toEqual([]);
    expect(await databaseContains(ENCODED)).toEqual([]);
    // The sample MySQL Secret's value (base64 of "password") must not be stored either.
    expect(mysql).toMatch(/rootpasswd: (\S+)/);
    const sampleValue = /rootpasswd: (\S+)/.exec(mysql)?.[1] ?? '';
    expect(await databaseContains(sampleValue)).toEqual([]);
  });

  // graphql-js quotes the offending value in its own errors (variable coercion, literal
  // validation, syntax errors); a file's text carries the Secret with it.
  it('GraphQL errors about bad input do not echo its values, nor a stack trace', async () => {
    const secret = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  token: ${PLAIN}\n`;
    const mutation = `mutation($i: IngestSnapshotInput!) { ingestSnapshot(input: $i) { created } }`;
    const misspelt = { environment: 'x', files: [{ name: 'a.yaml', contents: secret }] };
    const wrongType = { environment: 'x', files: [{ name: 'a.yaml', text: { secret } }] };
    const literal = `mutation { ingestSnapshot(input: {environment: "x", files: [{name: "a", text: 7, contents: ${JSON.stringify(secret)}}]}) { created } }`;
    const unparsable = `mutation { ingestSnapshot(input: {environment: "x" ${JSON.stringify(secret)}}) { created } }`;
    const bodies = [
      { query: mutation, variables: { i: misspelt } },
      { query: mutation, variables: { i: wrongType } },
      { query: literal },
      { query: unparsable },
    ];
    for (const body of bodies) {
      const res = await request(t.server).post('/graphql').send(body);
      const text = JSON.stringify(res.body);
      expect(res.body.errors?.length, text).toBeGreaterThan(0);
      expect(text).not.toContain(PLAIN);
      expect(text).not.toContain('stacktrace');
    }
    const res = await request(t.server).post('/graphql').send(bodies[0]);
    // What is wrong stays said: the field and the type, without the value.
    const messages = (res.body.errors as { message: string }[]).map((e) => e.message).join('\n');
    expect(messages).toContain('Field "contents" is not defined by type');
  });

  it('a change of a Secret value alone is not a new version (values are not hashed)', async () => {
    const env = uniqueEnvironment('secret-hash');
    const make = (value: string) =>
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n  namespace: default\nstringData:\n  key: ${value}\n`;
    expect(
      (
        await request(t.server)
          .post(`/api/v1/environments/${env}/versions`)
          .set('content-type', 'application/yaml')
          .send(make('one'))
      ).status,
    ).toBe(201);
    const second = await request(t.server)
      .post(`/api/v1/environments/${env}/versions`)
      .set('content-type', 'application/yaml')
      .send(make('two'));
    expect(second.status).toBe(200);
    expect(second.body.created).toBe(false);
  });
});
