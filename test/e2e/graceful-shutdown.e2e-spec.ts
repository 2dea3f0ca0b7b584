import { request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { connect } from 'node:net';
import postgres from 'postgres';
import { afterEach, describe, expect, it } from 'vitest';
import {
  generateSyntheticMesh,
  syntheticMeshYaml,
} from '../../src/engine/testing/synthetic-mesh.js';
import { closeGracefully } from '../../src/platform/http/graceful-close.js';
import { startTestApp, uniqueEnvironment, type TestApp } from '../setup/test-app.js';

// Issue 8: graceful shutdown finishes in-flight requests. Each test starts its own app listening
// on a free port, starts an ingest whose body is still arriving, then shuts the app down.

const BODY =
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: during-shutdown\n  namespace: default\ndata:\n  k: v\n';

interface Started {
  readonly t: TestApp;
  readonly port: number;
}

let current: Started | undefined;

afterEach(async () => {
  const server = current?.t.app.getHttpServer() as Server | undefined;
  if (server?.listening === true) {
    await current?.t.close();
  }
  current = undefined;
});

async function listening(): Promise<Started> {
  const t = await startTestApp();
  await t.app.listen(0, '127.0.0.1');
  const address = (t.app.getHttpServer() as Server).address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  current = { t, port };
  return current;
}

/** An ingest request to the listening app, announcing `body`'s length; nothing sent yet. */
function ingestRequest(started: Started, env: string, body: string) {
  return httpRequest({
    host: '127.0.0.1',
    port: started.port,
    method: 'POST',
    path: `/api/v1/environments/${env}/versions`,
    headers: { 'content-type': 'application/yaml', 'content-length': Buffer.byteLength(body) },
  });
}

/** Starts an ingest, sends half its body, and resolves once the server has the request. */
async function halfSentIngest(started: Started, env: string) {
  const server = started.t.app.getHttpServer() as Server;
  const received = new Promise<void>((resolve) =>
    server.once('request', () => {
      resolve();
    }),
  );
  const req = ingestRequest(started, env, BODY);
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res: IncomingMessage) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', reject);
  });
  req.write(BODY.slice(0, 20));
  await received;
  return { req, response };
}

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => {
      resolve(true);
    });
  });
}

async function versionsOf(databaseUrl: string, env: string): Promise<number[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  try {
    const rows = await sql<{ number: number }[]>`
      SELECT v.number FROM version v JOIN environment e ON e.id = v.environment_id
      WHERE e.name = ${env} ORDER BY v.number`;
    return rows.map((row) => row.number);
  } finally {
    await sql.end();
  }
}

describe('graceful shutdown', () => {
  it('stops accepting connections but finishes an in-flight ingest before closing the pools', async () => {
    const started = await listening();
    const env = uniqueEnvironment('shutdown');
    const { req, response } = await halfSentIngest(started, env);

    const closing = closeGracefully(started.t.app, { timeoutMs: 30_000 });
    expect(await refusesConnections(started.port)).toBe(true);
    // Give a shutdown that closed the pools first (Nest's own order) time to do so: the rest of
    // the body then arrives at a service without a database, and the ingest would fail.
    await new Promise((resolve) => setTimeout(resolve, 500));
    req.end(BODY.slice(20));

    const answer = await response;
    expect(answer.status, answer.body).toBe(201);
    expect(JSON.parse(answer.body)).toMatchObject({ created: true, version: { number: 1 } });
    await closing;
    expect(await versionsOf(started.t.databaseUrl, env)).toEqual([1]);
  });

  it('cuts a request that outlives the timeout, and stores nothing for it', async () => {
    const started = await listening();
    const env = uniqueEnvironment('shutdown-cut');
    const { response } = await halfSentIngest(started, env); // the rest of the body never comes
    const outcome = response.then(
      (answer) => `answered ${String(answer.status)}`,
      (error: unknown) => String(error),
    );

    const lines: string[] = [];
    await closeGracefully(started.t.app, { timeoutMs: 200, log: (line) => lines.push(line) });
    expect(await outcome).toMatch(/socket hang up|ECONNRESET/);
    expect(lines.join('\n')).toMatch(/still open after 200 ms/);
    expect(await versionsOf(started.t.databaseUrl, env)).toEqual([]);
  });

  it('waits for a handler whose client already went away (the ingest still commits)', async () => {
    const started = await listening();
    const env = uniqueEnvironment('shutdown-gone');
    const body = syntheticMeshYaml(generateSyntheticMesh({ size: 'S', seed: 7 }).resources);
    const server = started.t.app.getHttpServer() as Server;
    const bodyRead = new Promise<void>((resolve) => {
      server.once('request', (incoming: IncomingMessage) => {
        incoming.once('end', () => {
          resolve();
        });
      });
    });
    const req = ingestRequest(started, env, body);
    req.on('error', () => undefined); // the client hangs up on purpose
    req.end(body);
    await bodyRead;
    req.destroy(); // the client is gone; its connection closes, the handler goes on

    await closeGracefully(started.t.app, { timeoutMs: 30_000 });
    expect(await versionsOf(started.t.databaseUrl, env)).toEqual([1]);
  });
});
