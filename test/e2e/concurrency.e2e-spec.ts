import postgres from 'postgres';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, uniqueEnvironment } from '../setup/test-app.js';

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

const configMap = (i: number) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: run\n  namespace: default\ndata:\n  n: "${String(i)}"\n`;

async function storedNumbers(env: string): Promise<number[]> {
  const rows = await sql<{ number: number }[]>`
    SELECT v.number FROM version v JOIN environment e ON e.id = v.environment_id
    WHERE e.name = ${env} ORDER BY 1`;
  return rows.map((r) => r.number);
}

describe('50 concurrent writers (issue 8)', () => {
  it('to one environment and to five others lose nothing and duplicate no version', async () => {
    const shared = uniqueEnvironment('c50');
    const others = Array.from({ length: 5 }, () => uniqueEnvironment('c50o'));
    const jobs = [
      ...Array.from({ length: 50 }, (_, i) => ({ env: shared, body: configMap(i) })),
      ...others.flatMap((env) =>
        Array.from({ length: 10 }, (_, i) => ({ env, body: configMap(i) })),
      ),
    ];
    const results = await Promise.all(
      jobs.map((job) =>
        request(t.server)
          .post(`/api/v1/environments/${job.env}/versions`)
          .set('content-type', 'application/yaml')
          .send(job.body),
      ),
    );
    expect(results.filter((r) => r.status !== 201).map((r) => r.body)).toEqual([]);
    const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    expect(await storedNumbers(shared)).toEqual(range(50));
    for (const env of others) {
      expect(await storedNumbers(env)).toEqual(range(10));
    }
    const returned = results
      .filter((_, i) => jobs[i]?.env === shared)
      .map((r) => r.body.version.number as number);
    expect([...returned].sort((a, b) => a - b)).toEqual(range(50));
  });

  it('environments ingesting the same new objects at once share their blobs (COPY race)', async () => {
    // 300 objects: above the INSERT threshold, so blobs go by COPY; the same content in every
    // environment makes the writers race on the same blob hashes.
    const marker = uniqueEnvironment('blob');
    const body = Array.from(
      { length: 300 },
      (_, i) =>
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${String(i)}\ndata:\n  m: ${marker}-${String(i)}\n`,
    ).join('---\n');
    const envs = Array.from({ length: 6 }, () => uniqueEnvironment('race'));
    const results = await Promise.all(
      envs.map((env) =>
        request(t.server)
          .post(`/api/v1/environments/${env}/versions`)
          .set('content-type', 'application/yaml')
          .send(body),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(envs.map(() => 201));
    const [blobs] = await sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM blob WHERE body::text LIKE ${'%' + marker + '%'}`;
    expect(blobs?.n).toBe(300);
    for (const env of envs) {
      const [rows] = await sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM resource_revision r JOIN environment e ON e.id = r.environment_id
        WHERE e.name = ${env} AND r.valid_to IS NULL`;
      expect(rows?.n).toBe(300);
    }
  });
});
