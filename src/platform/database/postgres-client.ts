import { connect, type Socket } from 'node:net';
import postgres from 'postgres';

/** What postgres.js hands its `socket` option: the connection options it parsed. */
interface ParsedConnection {
  readonly host: readonly string[];
  readonly port: readonly number[];
}

/** postgres.js reads the TLS server name (SNI) from `socket.host`, which its own sockets carry. */
type HostedSocket = Socket & { host?: string };

/**
 * postgres.js opens its TCP sockets with Nagle's algorithm on. The last small packet of a COPY
 * (CopyDone) then waits for the server's delayed ACK: 10 one-row COPYs in a transaction took
 * 894 ms against the local server, 16 ms with TCP_NODELAY (measured 2026-11-22). Its documented
 * `socket` option lets the caller open the socket; postgres.js still sends the startup message,
 * TLS and its connect timeout over it. Its TLS step sends `socket.host` as the server name (SNI,
 * and the name `sslmode=verify-full` checks), so the socket carries the host as its own do
 * (node_modules/postgres/src/connection.js, connect() and secure()).
 */
function connectWithoutDelay(options: ParsedConnection): Socket {
  const host = options.host[0] ?? 'localhost';
  const socket: HostedSocket = connect({ host, port: options.port[0] ?? 5432, noDelay: true });
  socket.host = host;
  return socket;
}

/**
 * True when postgres.js would open one TCP connection for this URL: one host, no Unix socket
 * (`?host=/path` or a host with a slash) and no host left to PGHOST. Several hosts keep
 * postgres.js's own sockets, which try each host in turn.
 */
export function isSingleTcpHost(url: string): boolean {
  const rest = url.slice(url.indexOf('://') + 3);
  const authority = rest.split(/[/?#]/, 1)[0] ?? '';
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  const queryStart = rest.indexOf('?');
  const query = new URLSearchParams(queryStart < 0 ? '' : rest.slice(queryStart + 1));
  return host !== '' && !host.includes(',') && !host.includes('%2F') && query.get('host') === null;
}

/**
 * A postgres.js client with TCP_NODELAY on its sockets (when the URL names one TCP host). Every
 * client of the app's database goes through here, benchmarks included, so a COPY costs the same
 * everywhere.
 */
export function createPostgresClient(
  url: string,
  options: postgres.Options<never> = {},
): postgres.Sql {
  const socket = isSingleTcpHost(url) ? { socket: connectWithoutDelay } : {};
  return postgres(url, { ...options, ...socket });
}
