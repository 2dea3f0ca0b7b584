import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError } from '../errors/domain-error.js';
import { mapErrorCode } from '../errors/error-table.js';
import { redactInputValues } from './redact-input-values.js';

const logger = new Logger('GraphQL');

/** DomainErrors keep their message and code; anything unexpected becomes INTERNAL_SERVER_ERROR. */
export function formatGraphqlError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    return {
      message: original.message,
      ...(formatted.path === undefined ? {} : { path: formatted.path }),
      extensions: {
        ...original.detail,
        code: mapErrorCode(original.code).graphqlCode,
        meshlensCode: original.code,
      },
    };
  }
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    // Validation / parse / coercion errors from GraphQL itself: their code, their message with
    // the input's values left out, and no stack trace (the app also disables those).
    const extensions = { ...formatted.extensions };
    delete extensions['stacktrace'];
    return { ...formatted, message: redactInputValues(formatted.message), extensions };
  }
  const requestId = randomUUID();
  logger.error(
    `request ${requestId} failed`,
    original instanceof Error ? original.stack : String(original),
  );
  return { message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } };
}
