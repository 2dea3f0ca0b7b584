import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await t.close();
});

/** The value of one sample line of the Prometheus text format, or 0 when absent. */
function sample(metrics: string, line: string): number {
  const found = metrics.split('\n').find((l) => l.startsWith(`${line} `));
  return found === undefined ? 0 : Number(found.slice(line.length + 1));
}

describe('operability', () => {
  it('every response carries a request id; a sane incoming one is kept, a hostile one replaced', async () => {
    const fresh = await request(t.server).get('/healthz');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await request(t.server).get('/healthz').set('x-request-id', 'abc-123');
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await request(t.server).get('/healthz').set('x-request-id', 'a b\u00e9');
    expect(replaced.headers['x-request-id']).not.toBe('a b\u00e9');
  });

  it('GET /metrics counts requests by route template, ingest sizes and impact cache hits', async () => {
    const env = uniqueEnvironment('metrics');
    const ingest = await request(t.server)
      .post(`/api/v1/environments/${env}/versions`)
      .set('content-type', 'application/yaml')
      .send(MANIFEST);
    expect(ingest.status).toBe(201);
    const second = MANIFEST.replace('9080', '9081');
    await request(t.server)
      .post(`/api/v1/environments/${env}/versions`)
      .set('content-type', 'application/yaml')
      .send(second);
    const before = (await request(t.server).get('/metrics')).text;
    const diff = `/api/v1/environments/${env}/diff`;
    expect((await request(t.server).get(diff)).headers['x-meshlens-cache']).toBe('miss');
    expect((await request(t.server).get(diff)).headers['x-meshlens-cache']).toBe('hit');

    const res = await request(t.server).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    const route = '/api/v1/environments/:env/versions';
    const count = `meshlens_http_request_duration_seconds_count{method="POST",route="${route}",status="201"}`;
    expect(sample(res.text, count)).toBeGreaterThanOrEqual(2);
    expect(res.text).not.toContain(env); // route templates, never raw URLs
    expect(sample(res.text, 'meshlens_ingest_request_bytes_count')).toBeGreaterThanOrEqual(2);
    const hits = 'meshlens_impact_cache_lookups_total{result="hit"}';
    const misses = 'meshlens_impact_cache_lookups_total{result="miss"}';
    expect(sample(res.text, hits) - sample(before, hits)).toBe(1);
    expect(sample(res.text, misses) - sample(before, misses)).toBe(1);
    expect(res.text).toContain('meshlens_process_cpu_seconds_total');
    const reportHits = 'meshlens_cache_lookups_total{cache="report",result="hit"}';
    expect(sample(res.text, reportHits) - sample(before, reportHits)).toBe(1);
    const diffs = 'meshlens_analysis_duration_seconds_count{stage="diff"}';
    expect(sample(res.text, diffs) - sample(before, diffs)).toBe(1); // the hit computed nothing
  });

  it('analysis durations and graph/findings cache lookups are measured per stage', async () => {
    const env = uniqueEnvironment('metrics-analysis');
    await request(t.server)
      .post(`/api/v1/environments/${env}/versions`)
      .set('content-type', 'application/yaml')
      .send(MANIFEST);
    const before = (await request(t.server).get('/metrics')).text;
    for (let i = 0; i < 2; i += 1) {
      const res = await request(t.server).get(`/api/v1/environments/${env}/validations`);
      expect(res.status).toBe(200);
    }
    const after = (await request(t.server).get('/metrics')).text;
    const delta = (line: string) => sample(after, line) - sample(before, line);
    expect(delta('meshlens_analysis_duration_seconds_count{stage="graph"}')).toBe(1);
    expect(delta('meshlens_analysis_duration_seconds_count{stage="validations"}')).toBe(1);
    expect(delta('meshlens_cache_lookups_total{cache="graph",result="miss"}')).toBe(1);
    expect(delta('meshlens_cache_lookups_total{cache="graph",result="hit"}')).toBe(1);
    expect(delta('meshlens_cache_lookups_total{cache="findings",result="miss"}')).toBe(1);
    expect(delta('meshlens_cache_lookups_total{cache="findings",result="hit"}')).toBe(1);
  });
});
