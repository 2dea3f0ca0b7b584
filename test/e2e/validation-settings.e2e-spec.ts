import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderYaml, SCENARIOS_DIR } from '../support/corpus.js';
import { startTestApp, type TestApp, uniqueEnvironment } from '../setup/test-app.js';

// Issue 5 §3: per-environment disabled codes and level overrides, stored and applied wherever
// findings are read. Scenario 09 deletes the ratings Service: its VirtualService then routes to a
// missing host (IST0101 / MESH1101) in version 2.

let t: TestApp;
const env = uniqueEnvironment('vsettings');
const scenario = join(SCENARIOS_DIR, '09-service-deleted');
const api = (path: string) => `/api/v1/environments/${env}${path}`;

interface Finding {
  readonly code: string;
  readonly istioCode?: string;
  readonly level: string;
  readonly resource: { readonly name: string };
}

beforeAll(async () => {
  t = await startTestApp();
  for (const side of ['before', 'after']) {
    const res = await request(t.server)
      .post(api('/versions'))
      .set('content-type', 'application/yaml')
      .send(folderYaml(join(scenario, side)));
    expect(res.status).toBe(201);
  }
});

afterAll(async () => {
  await t.close();
});

function putSettings(body: unknown) {
  return request(t.server)
    .put(api('/validation-settings'))
    .set('content-type', 'application/json')
    .send(JSON.stringify(body));
}

async function ratingsFindings(): Promise<{ findings: Finding[]; disabled: number }> {
  const res = await request(t.server).get(api('/validations?version=2&name=ratings'));
  expect(res.status).toBe(200);
  return {
    findings: (res.body.findings as Finding[]).filter((f) => f.istioCode === 'IST0101'),
    disabled: res.body.disabledBySettings as number,
  };
}

describe('per-environment validation settings', () => {
  it('starts with the defaults; unknown environments are 404', async () => {
    const res = await request(t.server).get(api('/validation-settings'));
    expect(res.body).toEqual({
      environment: env,
      disabledCodes: [],
      levelOverrides: {},
      updatedAt: null,
    });
    const unknown = await request(t.server).get('/api/v1/environments/nope-x/validation-settings');
    expect(unknown.status).toBe(404);
  });

  it('refuses unknown codes and levels, listing every problem, and keeps what was stored', async () => {
    const res = await putSettings({
      disabledCodes: ['IST9999'],
      levelOverrides: { IST0101: 'Fatal' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('"IST9999" is not a code meshlens reports');
    expect(res.body.error.message).toContain('levelOverrides.IST0101: "Fatal"');
    const stored = await request(t.server).get(api('/validation-settings'));
    expect(stored.body.updatedAt).toBeNull();
  });

  it('a level override changes the level on read, without recomputing the cached findings', async () => {
    const before = await ratingsFindings();
    expect(before.findings.length).toBeGreaterThan(0);
    expect(before.findings.every((f) => f.level === 'Error')).toBe(true);

    const set = await putSettings({ levelOverrides: { IST0101: 'Warning' } });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ levelOverrides: { IST0101: 'Warning' }, disabledCodes: [] });
    expect(typeof set.body.updatedAt).toBe('string');

    const res = await request(t.server).get(api('/validations?version=2&name=ratings'));
    expect(res.headers['x-meshlens-cache']).toBe('hit');
    const after = await ratingsFindings();
    expect(after.findings.map((f) => f.level)).toEqual(before.findings.map(() => 'Warning'));
  });

  it('a disabled code hides its findings and says how many', async () => {
    const before = await ratingsFindings();
    await putSettings({ disabledCodes: ['IST0101'] });
    const after = await ratingsFindings();
    expect(after.findings).toEqual([]);
    expect(after.disabled).toBeGreaterThanOrEqual(before.findings.length);
  });

  it('diff reports honour the settings (and are cached per settings)', async () => {
    const introduced = async () => {
      const res = await request(t.server).get(api('/diff?from=1&to=2'));
      expect(res.status).toBe(200);
      return (res.body.findings.introduced as Finding[]).filter((f) => f.istioCode === 'IST0101');
    };
    await putSettings({ disabledCodes: ['IST0101'] });
    expect(await introduced()).toEqual([]);
    await putSettings({});
    const visible = await introduced();
    expect(visible.map((f) => f.resource.name)).toContain('ratings');
  });

  it('GraphQL reads and (admin) sets them too', async () => {
    const set = await request(t.server).post('/graphql').send({
      query: `mutation($env: String!) { setValidationSettings(environment: $env, input: { disabledCodes: ["KIA1101"], levelOverrides: { MESH1101: "Info" } }) { environment disabledCodes levelOverrides } }`,
      variables: { env },
    });
    expect(set.body.errors).toBeUndefined();
    expect(set.body.data.setValidationSettings).toEqual({
      environment: env,
      disabledCodes: ['KIA1101'],
      levelOverrides: { MESH1101: 'Info' },
    });
    const read = await request(t.server).post('/graphql').send({
      query: `query($env: String!) { validationSettings(environment: $env) { disabledCodes updatedAt } validations(environment: $env, version: 2) { disabledBySettings } }`,
      variables: { env },
    });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.validationSettings.disabledCodes).toEqual(['KIA1101']);
    expect(read.body.data.validations.disabledBySettings).toBeGreaterThan(0);
    const bad = await request(t.server).post('/graphql').send({
      query: `mutation($env: String!) { setValidationSettings(environment: $env, input: { disabledCodes: ["X1"] }) { environment } }`,
      variables: { env },
    });
    expect(bad.body.errors?.[0]?.message).toContain('"X1" is not a code meshlens reports');
  });
});
