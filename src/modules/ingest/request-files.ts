import { DomainError } from '../../platform/errors/domain-error.js';
import type { SourceFile } from '../../engine/index.js';

/** The fields of a multer upload that ingest reads. */
export interface UploadedFile {
  readonly fieldname: string;
  readonly originalname: string;
  readonly buffer: Buffer;
}

const TEXT_TYPES = ['yaml', 'json', 'text/plain'];

/** The snapshot's files from an ingest request: the raw body, or multipart uploads. */
export function sourceFilesFromRequest(
  contentType: string | undefined,
  body: unknown,
  uploads: readonly UploadedFile[] | undefined,
): SourceFile[] {
  const type = (contentType ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    return (uploads ?? [])
      .map((file) => ({
        name: file.originalname || file.fieldname,
        text: decodeUtf8(file.buffer, file.originalname),
      }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
  if (!TEXT_TYPES.some((t) => type.includes(t))) {
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      `send application/yaml, application/json or multipart/form-data (got "${contentType ?? 'none'}")`,
    );
  }
  if (typeof body !== 'string') {
    throw new DomainError('INVALID_INPUT', 'the request body is empty');
  }
  return [{ name: type.includes('json') ? 'body.json' : 'body.yaml', text: body }];
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(buffer: Buffer, name: string): string {
  try {
    return decoder.decode(buffer);
  } catch {
    throw new DomainError('INVALID_INPUT', `${name}: not valid UTF-8`, { file: name });
  }
}

/**
 * A metadata field of an ingest-like request: a multipart form field wins over the query
 * parameter of the same name (bots send either).
 */
export function requestField<K extends string>(
  body: unknown,
  query: Partial<Record<K, string>>,
): (key: K) => string | undefined {
  const form = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  return (key) => {
    const value = form[key];
    return typeof value === 'string' ? value : query[key];
  };
}
