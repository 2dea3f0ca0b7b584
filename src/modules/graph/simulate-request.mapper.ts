import type { SimulateRequest } from '../../engine/index.js';
import { DomainError } from '../../platform/errors/domain-error.js';

export interface SimulateRequestLike {
  readonly from?: unknown;
  readonly host?: unknown;
  readonly port?: unknown;
  readonly method?: unknown;
  readonly path?: unknown;
  readonly headers?: unknown;
  readonly scheme?: unknown;
  readonly sourceLabels?: unknown;
}

function stringMap(value: unknown, field: string): Record<string, string> | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  if (typeof value !== 'object' || Array.isArray(value) || !Object.values(value).every((v) => typeof v === 'string')) {
    throw new DomainError('INVALID_ARGUMENT', `${field} must be an object of strings`);
  }
  return value as Record<string, string>;
}

/** A simulate request from GraphQL input or a REST body, checked field by field. */
export function toSimulateRequest(input: SimulateRequestLike): SimulateRequest {
  if (typeof input.from !== 'string' || typeof input.host !== 'string') {
    throw new DomainError('INVALID_ARGUMENT', 'a simulate request needs "from" and "host" strings');
  }
  if (input.port !== null && input.port !== undefined && (typeof input.port !== 'number' || !Number.isInteger(input.port))) {
    throw new DomainError('INVALID_ARGUMENT', 'port must be an integer');
  }
  if (input.scheme !== null && input.scheme !== undefined && input.scheme !== 'http' && input.scheme !== 'https') {
    throw new DomainError('INVALID_ARGUMENT', 'scheme must be http or https');
  }
  const headers = stringMap(input.headers, 'headers');
  const sourceLabels = stringMap(input.sourceLabels, 'sourceLabels');
  return {
    from: input.from,
    host: input.host,
    ...(typeof input.port === 'number' ? { port: input.port } : {}),
    ...(typeof input.method === 'string' ? { method: input.method } : {}),
    ...(typeof input.path === 'string' ? { path: input.path } : {}),
    ...(headers === undefined ? {} : { headers }),
    ...(input.scheme === 'http' || input.scheme === 'https' ? { scheme: input.scheme } : {}),
    ...(sourceLabels === undefined ? {} : { sourceLabels }),
  };
}
