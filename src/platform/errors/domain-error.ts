/**
 * Every expected failure of a service is a DomainError with a stable code; one table maps the
 * code to HTTP and GraphQL (STYLE.md §6, twenty's pattern). Services never throw HttpException.
 */
export type DomainErrorCode =
  | 'ENVIRONMENT_NOT_FOUND'
  | 'VERSION_NOT_FOUND'
  | 'OBJECT_NOT_FOUND'
  | 'TAG_NOT_FOUND'
  | 'TOKEN_NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'INVALID_INPUT'
  | 'INVALID_ARGUMENT'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE'
  | 'NOT_IMPLEMENTED';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Structured detail returned to the client, e.g. the located input error. */
    readonly detail?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A located engine input error as a DomainError: its MESH0xxx code travels as `inputCode`. */
export function inputErrorToDomain(error: {
  readonly code: string;
  readonly file: string;
  readonly document: number | null;
  readonly line: number | null;
  readonly column: number | null;
  readonly path: string;
  readonly message: string;
}): DomainError {
  const { code, ...located } = error;
  return new DomainError('INVALID_INPUT', error.message, { ...located, inputCode: code });
}
