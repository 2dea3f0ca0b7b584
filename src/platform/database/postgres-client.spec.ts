import { createServer, type Server, type Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresClient, isSingleTcpHost } from './postgres-client.js';

describe('postgres client with TCP_NODELAY', () => {
  it.each([
    ['postgresql://postgres@127.0.0.1:5432/test', true],
    ['postgres://user:p%40ss@db.example.org/meshlens?sslmode=require', true],
    ['postgresql://u@[::1]:5433/x', true],
    ['postgresql://u@a.example.org:5432,b.example.org:5432/x', false],
    ['postgresql://u@localhost/x?host=/var/run/postgresql', false],
    ['postgresql://u@%2Fvar%2Frun%2Fpostgresql/x', false],
    ['postgresql:///x', false],
  ])('%s opens its own TCP socket: %s', (url, expected) => {
    expect(isSingleTcpHost(url)).toBe(expected);
  });
});

/**
 * A server that answers PostgreSQL's SSLRequest with 'S' and reports the server name (SNI) of the
 * TLS ClientHello that follows, then hangs up: enough to see what the client sends, with no
 * certificate.
 */
function sniServer(onName: (name: string | undefined) => void): Promise<Server> {
  const server = createServer((raw: Socket) => {
    raw.once('data', () => {
      raw.write('S');
      let named = false;
      const tls = new TLSSocket(raw, {
        isServer: true,
        SNICallback: (name, callback) => {
          named = true;
          onName(name);
          callback(new Error('test server: no certificate'));
        },
      });
      tls.on('error', () => {
        if (!named) {
          onName(undefined); // no SNI extension: the callback is never called
        }
        raw.destroy();
      });
    });
  });
  return new Promise((resolve) => {
    server.listen(0, () => {
      resolve(server);
    });
  });
}

describe('postgres client over TLS', () => {
  let server: Server | undefined;
  afterEach(async () => {
    const open = server;
    server = undefined;
    if (open !== undefined) {
      await new Promise<void>((resolve) => {
        open.close(() => {
          resolve();
        });
      });
    }
  });

  // postgres.js sends the host as the TLS server name (SNI) read from `socket.host`, which its own
  // sockets carry; a socket we open must carry it too, or hosted servers that route by SNI (and
  // `sslmode=verify-full`'s hostname check) see no name. node_modules/postgres/src/connection.js secure().
  it('sends the URL host as the TLS server name (SNI)', async () => {
    let report: (name: string | undefined) => void = () => undefined;
    const name = new Promise<string | undefined>((resolve) => {
      report = resolve;
    });
    server = await sniServer((sent) => {
      report(sent);
    });
    const port = (server.address() as { port: number }).port;
    const sql = createPostgresClient(`postgresql://u@localhost:${port}/db?sslmode=require`, {
      max: 1,
      connect_timeout: 5,
      onnotice: () => undefined,
    });
    const query = sql`SELECT 1`.then(
      () => 'answered',
      () => 'refused',
    );
    expect(await name).toBe('localhost');
    expect(await query).toBe('refused');
    await sql.end({ timeout: 1 });
  });
});
