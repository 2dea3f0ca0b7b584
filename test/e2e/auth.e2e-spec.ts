import postgres from 'postgres';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authStatusLine, FIRST_ADMIN_TOKEN_COMMAND } from '../../src/platform/auth/auth-status.js';
import { TokenStore } from '../../src/platform/auth/token-store.js';
import { startTestApp, type TestApp, uniqueEnvironment } from '../setup/test-app.js';

const MANIFEST = `apiVersion: v1
kind: Service
metadata:
  name: reviews
  namespace: default
spec:
  ports:
    - port: 9080
      name: http
`;

let t: TestApp;
let sql: postgres.Sql;
let store: TokenStore;
const secrets = { admin: '', ingestA: '', read: '' };
let envA: string;
let envB: string;

const api = (env: string, path: string) => `/api/v1/environments/${env}${path}`;
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

beforeAll(async () => {
  t = await startTestApp({ MESHLENS_AUTH: 'on' });
  sql = postgres(t.databaseUrl, { max: 2, onnotice: () => undefined });
  // Bootstrap as `meshlens token create` does: straight into the database.
  store = new TokenStore(sql);
  envA = uniqueEnvironment('auth-a');
  envB = uniqueEnvironment('auth-b');
  secrets.admin = (
    await store.create({ name: 'admin', scopes: ['admin'], environments: [] })
  ).secret;
  secrets.ingestA = (
    await store.create({ name: 'ci-a', scopes: ['ingest'], environments: [envA] })
  ).secret;
  secrets.read = (await store.create({ name: 'dash', scopes: ['read'], environments: [] })).secret;
});

afterAll(async () => {
  await sql.end();
  await t.close();
});

interface Write {
  readonly method: 'post' | 'put' | 'delete';
  readonly path: (env: string) => string;
  readonly body?: string;
  readonly contentType?: string;
}

const YAML = { body: MANIFEST, contentType: 'application/yaml' };
const JSON_BODY = (value: unknown) => ({
  body: JSON.stringify(value),
  contentType: 'application/json',
});

const WRITES = {
  'ingest a version': { method: 'post', path: (e) => api(e, '/versions'), ...YAML },
  'propose an impact': { method: 'post', path: (e) => api(e, '/impact?store=true'), ...YAML },
  'tag a version': {
    method: 'put',
    path: (e) => api(e, '/tags/prod'),
    ...JSON_BODY({ version: 1 }),
  },
  'untag a version': { method: 'delete', path: (e) => api(e, '/tags/prod') },
  'set retention': {
    method: 'put',
    path: (e) => api(e, '/retention'),
    ...JSON_BODY({ keepLast: 3 }),
  },
  'clear retention': { method: 'delete', path: (e) => api(e, '/retention') },
  prune: { method: 'post', path: (e) => api(e, '/prune') },
  'set validation settings': {
    method: 'put',
    path: (e) => api(e, '/validation-settings'),
    ...JSON_BODY({ disabledCodes: ['IST0118'] }),
  },
  'create a token': {
    method: 'post',
    path: () => '/api/v1/tokens',
    ...JSON_BODY({ name: 'x', scopes: ['admin'] }),
  },
  'revoke a token': { method: 'delete', path: () => '/api/v1/tokens/0000000000000000' },
} satisfies Record<string, Write>;

function send(write: Write, env: string, headers: Record<string, string> = {}) {
  let req = request(t.server)[write.method](write.path(env)).set(headers);
  if (write.body !== undefined) {
    req = req.set('content-type', write.contentType ?? 'text/plain').send(write.body);
  }
  return req;
}

async function gql(query: string, variables: Record<string, unknown>, secret?: string) {
  const res = await request(t.server)
    .post('/graphql')
    .set(secret === undefined ? {} : bearer(secret))
    .send({ query, variables });
  return res.body as {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

const INGEST = `mutation($input: IngestSnapshotInput!) { ingestSnapshot(input: $input) { created } }`;
const TAG = `mutation($e: String!) { tagVersion(environment: $e, tag: "x", version: 1) { tag } }`;

describe('auth on: every write needs a token of the right scope', () => {
  for (const [name, write] of Object.entries(WRITES)) {
    it(`${name}: 401 without a token, 403 with a read-only token`, async () => {
      const anonymous = await send(write, envB);
      expect(anonymous.status, JSON.stringify(anonymous.body)).toBe(401);
      expect(anonymous.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
      const reader = await send(write, envB, bearer(secrets.read));
      expect(reader.status, JSON.stringify(reader.body)).toBe(403);
      expect(reader.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    });
  }

  it('an unknown token is 401 and the error body never echoes it', async () => {
    const forged = `ml_0123456789abcdef_${'A'.repeat(43)}`;
    const res = await send(WRITES['ingest a version'], envB, bearer(forged));
    expect(res.status).toBe(401);
    expect(res.text).not.toContain(forged);
    expect(res.text).not.toContain('AAAAAAAAAA');
  });

  it('an ingest token limited to an environment writes there and nowhere else', async () => {
    const ingest = WRITES['ingest a version'];
    const ok = await send(ingest, envA, bearer(secrets.ingestA));
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const other = await send(ingest, envB, bearer(secrets.ingestA));
    expect(other.status).toBe(403);
    expect(other.text).not.toContain(secrets.ingestA);
    expect((await request(t.server).get(api(envB, ''))).status).toBe(404);
  });

  it('an ingest token may not do admin work (tags) even in its environment', async () => {
    const res = await send(WRITES['tag a version'], envA, bearer(secrets.ingestA));
    expect(res.status).toBe(403);
  });

  it('an admin token may do everything', async () => {
    const res = await send(WRITES['tag a version'], envA, bearer(secrets.admin));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

  it('reads are open when MESHLENS_AUTH_READS is not set; health is always open', async () => {
    expect((await request(t.server).get('/api/v1/environments')).status).toBe(200);
    expect((await request(t.server).get(api(envA, '/versions'))).status).toBe(200);
    expect((await request(t.server).post(api(envA, '/simulate')).send({})).status).not.toBe(401);
    expect((await request(t.server).get('/healthz')).status).toBe(200);
  });
});

describe('tokens over REST (admin)', () => {
  it('create shows the secret once, list never shows it, revoke makes it fail', async () => {
    const created = await request(t.server)
      .post('/api/v1/tokens')
      .set(bearer(secrets.admin))
      .set('content-type', 'application/json')
      .send(JSON.stringify({ name: 'temp', scopes: ['ingest'], environments: [envA] }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const body = created.body as { id: string; secret: string; scopes: string[] };
    expect(body.secret).toMatch(new RegExp(`^ml_${body.id}_`));
    expect(body.scopes).toEqual(['ingest']);

    const list = await request(t.server).get('/api/v1/tokens').set(bearer(secrets.admin));
    expect(list.status).toBe(200);
    expect((list.body as { id: string }[]).map((x) => x.id)).toContain(body.id);
    expect(list.text).not.toContain(body.secret);
    expect(list.text).not.toContain('secret');
    expect((await request(t.server).get('/api/v1/tokens').set(bearer(secrets.read))).status).toBe(
      403,
    );

    const ingest = WRITES['ingest a version'];
    expect((await send(ingest, envA, bearer(body.secret))).status).toBe(200); // identical content
    const revoked = await request(t.server)
      .delete(`/api/v1/tokens/${body.id}`)
      .set(bearer(secrets.admin));
    expect(revoked.status).toBe(204);
    expect((await send(ingest, envA, bearer(body.secret))).status).toBe(401);
    const again = await request(t.server)
      .delete(`/api/v1/tokens/${body.id}`)
      .set(bearer(secrets.admin));
    expect(again.status).toBe(404);
  });

  it('bad scopes are 400 naming the value and the accepted scopes (a JSON array)', async () => {
    const create = (body: Record<string, unknown>) =>
      request(t.server)
        .post('/api/v1/tokens')
        .set(bearer(secrets.admin))
        .set('content-type', 'application/json')
        .send(JSON.stringify({ name: 'bad', ...body }));
    const cases: [Record<string, unknown>, string][] = [
      [{ scopes: ['read', 'write'] }, 'unknown scope "write"'],
      [{ scopes: ['write', 7] }, 'unknown scopes "write", 7'],
      [{ scopes: 'admin,read' }, 'not "admin,read"'],
      [{ scopes: [] }, 'scopes must not be empty'],
      [{}, 'scopes is required'],
    ];
    for (const [body, named] of cases) {
      const res = await create(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const message = (res.body as { error: { code: string; message: string } }).error.message;
      expect(res.body).toMatchObject({ error: { code: 'INVALID_ARGUMENT' } });
      expect(message).toContain(named);
      expect(message).toContain('an array of one or more of admin, ingest, read');
      expect(message).not.toContain('comma-separated');
    }
  });

  it('the secret is stored only as its sha256', async () => {
    const rows = await sql<{ secret_hash: string }[]>`SELECT secret_hash FROM api_token`;
    for (const row of rows) {
      expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(Object.values(secrets)).not.toContain(row.secret_hash);
    }
  });
});

describe('GraphQL mutations', () => {
  const input = () => ({ environment: envB, files: [{ name: 'a.yaml', text: MANIFEST }] });

  it('a mutation without a token is UNAUTHENTICATED, with the wrong scope FORBIDDEN', async () => {
    const anonymous = await gql(INGEST, { input: input() });
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const reader = await gql(INGEST, { input: input() }, secrets.read);
    expect(reader.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const otherEnv = await gql(INGEST, { input: input() }, secrets.ingestA);
    expect(otherEnv.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const tag = await gql(TAG, { e: envA }, secrets.ingestA);
    expect(tag.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect((await request(t.server).get(api(envB, ''))).status).toBe(404);
  });

  it('a mutation with the right token succeeds; queries stay open', async () => {
    const ok = await gql(INGEST, { input: { ...input(), environment: envA } }, secrets.ingestA);
    expect(ok.errors).toBeUndefined();
    const query = await gql('{ environments { name } }', {});
    expect(query.errors).toBeUndefined();
  });
});

describe('MESHLENS_AUTH_READS=true', () => {
  let reads: TestApp;
  beforeAll(async () => {
    reads = await startTestApp({ MESHLENS_AUTH: 'on', MESHLENS_AUTH_READS: 'true' });
  });
  afterAll(async () => {
    await reads.close();
  });

  it('reads need a read token (REST and GraphQL); health stays open', async () => {
    expect((await request(reads.server).get('/api/v1/environments')).status).toBe(401);
    const ok = await request(reads.server).get('/api/v1/environments').set(bearer(secrets.read));
    expect(ok.status).toBe(200);
    const gqlRes = await request(reads.server)
      .post('/graphql')
      .send({ query: '{ environments { name } }' });
    const body = gqlRes.body as { errors?: { extensions?: Record<string, unknown> }[] };
    expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect((await request(reads.server).get('/readyz')).status).toBe(200);
  });

  it('an ingest-only token cannot read', async () => {
    const res = await request(reads.server)
      .get(api(envA, '/versions'))
      .set(bearer(secrets.ingestA));
    expect(res.status).toBe(403);
  });
});

describe('rate limit per token (MESHLENS_RATE_LIMIT=3 here)', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp({
      MESHLENS_AUTH: 'on',
      MESHLENS_AUTH_READS: 'true',
      MESHLENS_RATE_LIMIT: '3',
    });
  });
  afterAll(async () => {
    await limited.close();
  });

  it('a token over its budget gets 429 with Retry-After; other tokens are unaffected', async () => {
    const read = () => request(limited.server).get('/api/v1/environments');
    for (let i = 0; i < 3; i += 1) {
      expect((await read().set(bearer(secrets.read))).status).toBe(200);
    }
    const over = await read().set(bearer(secrets.read));
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect((await read().set(bearer(secrets.admin))).status).toBe(200);
  });
});

describe('the start-up line about auth (serve.ts logs it)', () => {
  const on = { authEnabled: true, authReads: false, databaseUrl: 'postgresql://db/x' };
  const noSecret = (message: string) => {
    expect(message).not.toMatch(/ml_[0-9a-f]{16}_/);
    for (const secret of Object.values(secrets)) {
      expect(message).not.toContain(secret);
    }
  };

  it('off: a warning that anyone can write', async () => {
    const line = await authStatusLine({ ...on, authEnabled: false }, store);
    expect(line.level).toBe('warn');
    expect(line.message).toContain('authentication is OFF');
  });

  it('on with an active admin token: says so, with counts only', async () => {
    const line = await authStatusLine(on, store);
    expect(line.level).toBe('log');
    expect(line.message).toMatch(/^authentication is ON: writes need an API token, reads are open/);
    expect(line.message).not.toContain(FIRST_ADMIN_TOKEN_COMMAND);
    noSecret(line.message);
    const reads = await authStatusLine({ ...on, authReads: true }, store);
    expect(reads.message).toContain('reads too (MESHLENS_AUTH_READS=true)');
  });

  it('on with no active admin token yet: warns with the bootstrap command', async () => {
    const line = await authStatusLine(on, {
      countActive: () => Promise.resolve({ active: 0, admin: 0 }),
    });
    expect(line.level).toBe('warn');
    expect(line.message).toContain('authentication is ON');
    expect(line.message).toContain(
      '`meshlens token create --name bootstrap --scopes admin` on the same DATABASE_URL',
    );
    expect(line.message).toContain('there is no active API token');
    noSecret(line.message);
    const readOnly = () => Promise.resolve({ active: 2, admin: 0 });
    const embedded = await authStatusLine(
      { ...on, databaseUrl: undefined },
      { countActive: readOnly },
    );
    expect(embedded.level).toBe('warn');
    expect(embedded.message).toContain('none of the 2 active tokens has the admin scope');
    expect(embedded.message).toContain(`\`${FIRST_ADMIN_TOKEN_COMMAND}\` with this server stopped`);
  });

  it('on, tokens not countable: still one line, without the database error', async () => {
    const failing = () => Promise.reject(new Error('connect postgresql://u:hunter2@db'));
    const line = await authStatusLine(on, { countActive: failing });
    expect(line.level).toBe('warn');
    expect(line.message).toContain('authentication is ON');
    expect(line.message).not.toContain('hunter2');
  });
});
