// npm run bench:load — autocannon against the real app (REST + GraphQL + PostgreSQL) at 64
// connections: a GraphQL dashboard query and ingest. Prints p50/p99 latency, throughput and
// errors. Auth is off here (the guard's cost is a hash lookup); BENCH_SECONDS sets the duration.
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { createApp } from '../src/app.factory.js';
import { generateSyntheticMesh, syntheticMeshYaml } from '../src/engine/testing/synthetic-mesh.js';
import { loadConfig } from '../src/platform/config/app-config.js';
import { closeGracefully } from '../src/platform/http/graceful-close.js';
import { openBenchDatabase } from './bench-database.js';

const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
const db = await openBenchDatabase();
const app = await createApp({
  config: loadConfig({ DATABASE_URL: db.url, MESHLENS_AUTH: 'off', MESHLENS_RATE_LIMIT: '0' }),
  databaseUrl: db.url,
  logger: false,
});
await app.listen(0, '127.0.0.1');
const port = (app.getHttpServer() as { address(): AddressInfo }).address().port;
const base = `http://127.0.0.1:${String(port)}`;
const mesh = syntheticMeshYaml(generateSyntheticMesh({ size: 'S', seed: 1 }).resources);
await fetch(`${base}/api/v1/environments/load/versions`, {
  method: 'POST',
  headers: { 'content-type': 'application/yaml' },
  body: mesh,
});

interface Result {
  latency: { p50: number; p99: number };
  requests: { average: number };
  errors: number;
  non2xx: number;
  statusCodeStats?: Record<string, { count: number }>;
}

async function run(title: string, path: string, options: Record<string, unknown>): Promise<void> {
  const result = (await autocannon({
    url: `${base}${path}`,
    connections: 64,
    duration: seconds,
    ...options,
  })) as unknown as Result;
  console.log(
    `${title}: p50 ${String(result.latency.p50)} ms, p99 ${String(result.latency.p99)} ms, ${result.requests.average.toFixed(0)} req/s, errors ${String(result.errors)}, non-2xx ${String(result.non2xx)}, statuses ${JSON.stringify(result.statusCodeStats ?? {})}`,
  );
}

const probe = await fetch(`${base}/graphql`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: '{ graph(environment: "load") { version } }' }),
});
console.log(`probe: ${String(probe.status)} ${(await probe.text()).slice(0, 200)}`);
try {
  await run('GraphQL graph summary (64 connections)', '/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        '{ graph(environment: "load") { version hosts unreachableWorkloads gateways { id exposures { host port } } } }',
    }),
  });
  let n = 0;
  await run(
    'ingest of a 1-object change (64 connections)',
    '/api/v1/environments/load-ingest/versions',
    {
      method: 'POST',
      headers: { 'content-type': 'application/yaml' },
      setupClient: (client: { setBody(body: string): void }) => {
        n += 1;
        client.setBody(
          `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: default\ndata:\n  n: "${String(n)}"\n`,
        );
      },
    },
  );
} finally {
  // autocannon stops without waiting for answers still queued behind the environment lock:
  // closeGracefully lets them finish before the database pools end.
  await closeGracefully(app, { timeoutMs: 60_000 });
  await db.close();
}
