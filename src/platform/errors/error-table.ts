import type { DomainErrorCode } from './domain-error.js';

export interface ErrorMapping {
  readonly httpStatus: number;
  readonly graphqlCode: string;
}

const NOT_FOUND: ErrorMapping = { httpStatus: 404, graphqlCode: 'NOT_FOUND' };

/** Exhaustive: a Record over the union, so adding a code without a mapping fails to compile. */
const ERROR_TABLE: Readonly<Record<DomainErrorCode, ErrorMapping>> = {
  ENVIRONMENT_NOT_FOUND: NOT_FOUND,
  VERSION_NOT_FOUND: NOT_FOUND,
  OBJECT_NOT_FOUND: NOT_FOUND,
  TAG_NOT_FOUND: NOT_FOUND,
  TOKEN_NOT_FOUND: NOT_FOUND,
  UNAUTHENTICATED: { httpStatus: 401, graphqlCode: 'UNAUTHENTICATED' },
  FORBIDDEN: { httpStatus: 403, graphqlCode: 'FORBIDDEN' },
  RATE_LIMITED: { httpStatus: 429, graphqlCode: 'RATE_LIMITED' },
  INVALID_INPUT: { httpStatus: 400, graphqlCode: 'BAD_USER_INPUT' },
  INVALID_ARGUMENT: { httpStatus: 400, graphqlCode: 'BAD_USER_INPUT' },
  UNSUPPORTED_MEDIA_TYPE: { httpStatus: 415, graphqlCode: 'BAD_USER_INPUT' },
  PAYLOAD_TOO_LARGE: { httpStatus: 413, graphqlCode: 'BAD_USER_INPUT' },
  NOT_IMPLEMENTED: { httpStatus: 501, graphqlCode: 'NOT_IMPLEMENTED' },
};

export function mapErrorCode(code: DomainErrorCode): ErrorMapping {
  return ERROR_TABLE[code];
}
