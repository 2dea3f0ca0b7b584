import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { InFlightRequests } from './in-flight-requests.js';

export interface GracefulCloseOptions {
  /** How long in-flight requests may take before their connections are cut. */
  readonly timeoutMs: number;
  readonly log?: (line: string) => void;
}

/** Stops accepting connections and resolves once every open one has finished (or the timeout). */
async function drainHttpServer(server: Server, options: GracefulCloseOptions): Promise<void> {
  if (!server.listening) {
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const drained = new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  // Keep-alive connections that sit idle would hold close() open; busy ones finish their request.
  server.closeIdleConnections();
  const idleSweep = setInterval(() => {
    server.closeIdleConnections();
  }, 100);
  const timedOut = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      options.log?.(`in-flight requests still open after ${options.timeoutMs} ms: cutting them`);
      server.closeAllConnections();
      resolve();
    }, options.timeoutMs);
  });
  try {
    await Promise.race([drained, timedOut]);
  } finally {
    clearInterval(idleSweep);
    clearTimeout(timer);
  }
}

/**
 * Graceful shutdown in the order that loses nothing: stop accepting connections, let open
 * connections finish, wait for handlers still running for clients that already went away (an
 * ingest commits or rolls back as a whole), and only then run Nest's destroy hooks, which end the
 * database pools. Nest's own `app.close()` runs the destroy hooks first and closes the HTTP server
 * last, so a request still running would find its pool gone (postgres.js then crashed writing the
 * next statement of a transaction to a closed socket).
 */
export async function closeGracefully(
  app: INestApplication,
  options: GracefulCloseOptions,
): Promise<void> {
  const started = Date.now();
  await drainHttpServer(app.getHttpServer() as Server, options);
  const inFlight = app.get(InFlightRequests);
  const left = Math.max(0, options.timeoutMs - (Date.now() - started));
  if (!(await inFlight.idle(left))) {
    options.log?.(
      `${inFlight.active} request handlers still running after ${options.timeoutMs} ms`,
    );
  }
  await app.close();
}
