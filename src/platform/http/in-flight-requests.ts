import type { NextFunction, Request, Response } from 'express';

/**
 * Requests whose handler has not answered yet. The HTTP server's own drain is not enough for a
 * graceful shutdown: a client that disconnects (a CI job cancelled, a load generator stopping)
 * closes its connection at once, while the handler behind it keeps running — an ingest still in
 * its transaction. A request counts until its response is ended (the handler answered, with a
 * result or an error) or its body never arrived (the handler never ran).
 */
export class InFlightRequests {
  private count = 0;
  private waiters: (() => void)[] = [];

  get active(): number {
    return this.count;
  }

  readonly middleware = (request: Request, response: Response, next: NextFunction): void => {
    this.count += 1;
    let counted = true;
    const settle = (): void => {
      if (counted) {
        counted = false;
        this.count -= 1;
        if (this.count === 0) {
          this.waiters.splice(0).forEach((wake) => {
            wake();
          });
        }
      }
    };
    const end = response.end.bind(response);
    response.end = ((...args: Parameters<Response['end']>) => {
      settle();
      return end(...args);
    }) as Response['end'];
    response.once('close', () => {
      if (!request.complete) {
        settle(); // the body never arrived: no handler runs for it
      }
    });
    next();
  };

  /** Resolves true once no request is in flight, or false after `timeoutMs`. */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) {
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        resolve(false);
      }, timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
