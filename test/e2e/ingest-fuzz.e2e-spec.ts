import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, uniqueEnvironment } from '../setup/test-app.js';

// Issue 8 "Proof": a property-based fuzz test of ingest through the real app and database. Bodies
// mix valid objects with damaged ones (a character inserted, a cut, stray YAML). Whatever comes
// in: no 5xx, every 400 is located, and the store changes only by whole versions — a refused
// body leaves the version list exactly as it was, an accepted one adds one version holding
// exactly the objects the answer counted.

let t: TestApp;
const env = uniqueEnvironment('fuzz');

beforeAll(async () => {
  t = await startTestApp({ MESHLENS_MAX_DOCUMENTS: '50', MESHLENS_MAX_DEPTH: '20' });
  const seed = await post(configMap('seed', 'x'));
  expect(seed.status).toBe(201);
});

afterAll(async () => {
  await t.close();
});

function configMap(name: string, value: string): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: default\ndata:\n  k: ${JSON.stringify(value)}\n`;
}

function post(body: string) {
  return request(t.server)
    .post(`/api/v1/environments/${env}/versions`)
    .set('content-type', 'application/yaml')
    .send(body);
}

interface VersionSummary {
  readonly number: number;
  readonly objectCount: number;
}

async function versions(): Promise<VersionSummary[]> {
  const res = await request(t.server).get(`/api/v1/environments/${env}/versions?limit=1000`);
  expect(res.status).toBe(200);
  return res.body.items as VersionSummary[];
}

const STRAY = ['---\n', ': ', '- ', '[', '{', '&a ', '*a', '"', '\t', '#', '1e999', '\n  x: y\n'];

const damaged = fc
  .tuple(
    fc.constantFrom(...['a', 'b', 'c', 'd'].map((n) => configMap(n, n))),
    fc.nat(),
    fc.oneof(fc.constantFrom(...STRAY), fc.string({ maxLength: 4 })),
    fc.boolean(),
  )
  .map(([text, at, insert, cut]) => {
    const position = at % (text.length + 1);
    return cut ? text.slice(0, position) : text.slice(0, position) + insert + text.slice(position);
  });

const valid = fc
  .tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.string({ maxLength: 8 }))
  .map(([name, value]) => configMap(name, value));

const body = fc
  .array(fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: damaged }), {
    minLength: 1,
    maxLength: 8,
  })
  .map((documents) => documents.join('---\n'));

describe('ingest fuzz (fast-check)', () => {
  it('never fails with 5xx and never writes part of a snapshot', async () => {
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const before = await versions();
        const res = await post(text);
        expect([200, 201, 400], res.text.slice(0, 300)).toContain(res.status);
        const after = await versions();
        if (res.status === 400) {
          expect(res.body.error.code).toBe('INVALID_INPUT');
          expect(res.body.error.message.length).toBeGreaterThan(0);
          expect(after).toEqual(before);
          return;
        }
        if (res.status === 200) {
          expect(after).toEqual(before); // identical content: no new version
          return;
        }
        expect(after.length).toBe(before.length + 1);
        const latest = after[0];
        expect(latest?.number).toBe((before[0]?.number ?? 0) + 1);
        expect(latest?.objectCount).toBe(res.body.version.objectCount);
        const objects = await request(t.server).get(
          `/api/v1/environments/${env}/versions/latest/objects?limit=100`,
        );
        expect(objects.body.items).toHaveLength(latest?.objectCount ?? -1);
      }),
      { numRuns: 60, seed: 20261121 },
    );
  }, 120_000);
});
