import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

const INCOMING_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Gives every request an id (a sane incoming `x-request-id`, else a UUID), returns it in the
 * `x-request-id` response header and logs one line per request when it finishes. Only the path is
 * logged: never headers (Authorization), query strings or bodies.
 */
export function requestLog(logger: Logger | undefined) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const incoming = request.headers['x-request-id'];
    const id = typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    response.setHeader('x-request-id', id);
    if (logger !== undefined) {
      const started = performance.now();
      response.once('finish', () => {
        logger.info(
          {
            reqId: id,
            method: request.method,
            path: request.originalUrl.split('?')[0],
            status: response.statusCode,
            ms: Math.round((performance.now() - started) * 10) / 10,
          },
          'request',
        );
      });
    }
    next();
  };
}
