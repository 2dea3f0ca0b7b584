import type { DomainErrorCode } from './domain-error.js';

export interface ErrorMapping {
  readonly httpStatus: number;
  readonly graphqlCode: string;
}

function assertNever(code: never): never {
  throw new Error(`unmapped error code ${String(code)}`);
}

/** Exhaustive: adding a code without a mapping fails to compile. */
export function mapErrorCode(code: DomainErrorCode): ErrorMapping {
  switch (code) {
    case 'ENVIRONMENT_NOT_FOUND':
    case 'VERSION_NOT_FOUND':
    case 'OBJECT_NOT_FOUND':
    case 'TAG_NOT_FOUND':
      return { httpStatus: 404, graphqlCode: 'NOT_FOUND' };
    case 'INVALID_INPUT':
      return { httpStatus: 400, graphqlCode: 'BAD_USER_INPUT' };
    case 'INVALID_ARGUMENT':
      return { httpStatus: 400, graphqlCode: 'BAD_USER_INPUT' };
    case 'UNSUPPORTED_MEDIA_TYPE':
      return { httpStatus: 415, graphqlCode: 'BAD_USER_INPUT' };
    case 'PAYLOAD_TOO_LARGE':
      return { httpStatus: 413, graphqlCode: 'BAD_USER_INPUT' };
    case 'NOT_IMPLEMENTED':
      return { httpStatus: 501, graphqlCode: 'NOT_IMPLEMENTED' };
    default:
      return assertNever(code);
  }
}
