import { randomUUID } from 'node:crypto';
import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from './domain-error.js';
import { mapErrorCode } from './error-table.js';

interface ErrorBody {
  readonly error: Readonly<Record<string, unknown>>;
}

/**
 * REST errors are `{ "error": { code, message, ... } }`. Input errors carry the located detail
 * (file, document, line, column, path) of contracts/impact-report.md. Unknown errors become 500
 * with a request id; stacks and database messages never reach the client.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'http') {
      // GraphQL: hand the error back to Apollo, whose formatError maps it (format-error.ts).
      return exception;
    }
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) {
      return undefined;
    }
    const header = response.getHeader('x-request-id');
    const [status, body] = this.toBody(
      exception,
      typeof header === 'string' ? header : randomUUID(),
    );
    const retryAfter = body.error['retryAfterSeconds'];
    if (status === 429 && typeof retryAfter === 'number') {
      response.setHeader('retry-after', String(retryAfter));
    }
    response.status(status).json(body);
    return undefined;
  }

  private toBody(thrown: unknown, requestId: string): [number, ErrorBody] {
    // Express middleware errors (body-parser) reach us wrapped in an HttpException: a DomainError
    // thrown by a body check (app.factory.ts) is answered as itself.
    const exception =
      thrown instanceof HttpException && thrown.cause instanceof DomainError
        ? thrown.cause
        : thrown;
    if (exception instanceof DomainError) {
      const mapping = mapErrorCode(exception.code);
      return [
        mapping.httpStatus,
        { error: { ...exception.detail, code: exception.code, message: exception.message } },
      ];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code =
        status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 404 ? 'NOT_FOUND' : 'HTTP_ERROR';
      return [status, { error: { code, message: exception.message } }];
    }
    this.logger.error(
      `request ${requestId} failed`,
      exception instanceof Error ? exception.stack : String(exception),
    );
    return [500, { error: { code: 'INTERNAL', message: 'internal error', requestId } }];
  }
}
