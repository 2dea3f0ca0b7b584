import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPostgresClient,
  isSingleTcpHost,
} from '../../src/platform/database/postgres-client.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await t.close();
});

describe('postgres client with TCP_NODELAY (src/platform/database/postgres-client.ts)', () => {
  it('talks to the test server through its own socket, COPY included', async () => {
    expect(isSingleTcpHost(t.databaseUrl)).toBe(true);
    const sql = createPostgresClient(t.databaseUrl, { max: 1, onnotice: () => undefined });
    try {
      const rows = await sql.begin(async (tx) => {
        await tx`CREATE TEMP TABLE nodelay_check (a text) ON COMMIT DROP`;
        const writable = await tx`COPY nodelay_check (a) FROM STDIN`.writable();
        await new Promise<void>((resolve, reject) => {
          writable.on('finish', resolve).on('error', reject);
          writable.end('one\ntwo\n');
        });
        return tx<{ a: string }[]>`SELECT a FROM nodelay_check ORDER BY a`;
      });
      expect(rows.map((r) => r.a)).toEqual(['one', 'two']);
    } finally {
      await sql.end({ timeout: 5 });
    }
  });

  it('fails a query with a connection error when nothing listens (no hang)', async () => {
    const sql = createPostgresClient('postgresql://postgres@127.0.0.1:1/none', {
      max: 1,
      connect_timeout: 2,
      onnotice: () => undefined,
    });
    try {
      await expect(sql`SELECT 1`).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    } finally {
      await sql.end({ timeout: 1 });
    }
  });

  it('a transaction whose server process died rejects with CONNECTION_CLOSED, and the client recovers', async () => {
    // The ingest-time variant (a write queued when the socket closes, porsager/postgres#1208) is
    // covered by database-outage.e2e-spec.ts, which fails without patches/postgres+3.4.9.patch.
    const sql = createPostgresClient(t.databaseUrl, { max: 1, onnotice: () => undefined });
    const killer = createPostgresClient(t.databaseUrl, { max: 1, onnotice: () => undefined });
    try {
      const attempt = sql.begin(async (tx) => {
        const [row] = await tx<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
        await killer`SELECT pg_terminate_backend(${row?.pid ?? 0})`;
        await new Promise((resolve) => setTimeout(resolve, 300)); // let the close arrive
        await tx`SELECT 1`;
      });
      await expect(attempt).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
      expect((await sql<{ n: number }[]>`SELECT 1 AS n`)[0]?.n).toBe(1); // the client recovers
    } finally {
      await sql.end({ timeout: 5 });
      await killer.end({ timeout: 5 });
    }
  });

  it('a COPY the server rejects after the stream ended rejects, and the transaction rolls back', async () => {
    // postgres.js 3.4.9 never settled such a stream (porsager/postgres#1173): the transaction
    // hung, idle in an aborted transaction. patches/postgres+3.4.9.patch applies the fix of
    // porsager/postgres#1183 (patch-package, on install).
    const sql = createPostgresClient(t.databaseUrl, { max: 1, onnotice: () => undefined });
    try {
      const attempt = sql.begin(async (tx) => {
        await tx`CREATE TEMP TABLE copy_reject (a text PRIMARY KEY) ON COMMIT DROP`;
        const writable = await tx`COPY copy_reject (a) FROM STDIN`.writable();
        await new Promise<void>((resolve, reject) => {
          writable.on('finish', resolve).on('error', reject);
          writable.end('same\nsame\n');
        });
      });
      await expect(attempt).rejects.toMatchObject({ code: '23505' });
      const [row] = await sql<{ ok: number }[]>`SELECT 1 AS ok`;
      expect(row?.ok).toBe(1);
    } finally {
      await sql.end({ timeout: 5 });
    }
  });
});
