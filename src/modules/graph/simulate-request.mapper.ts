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
  if (
    typeof value !== 'object' ||
    Array.isArray(value) ||
    !Object.values(value).every((v) => typeof v === 'string')
  ) {
    throw new DomainError('INVALID_ARGUMENT', `${field} must be an object of strings`);
  }
  return value as Record<string, string>;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function checkScalars(input: SimulateRequestLike): void {
  if (typeof input.from !== 'string' || typeof input.host !== 'string') {
    throw new DomainError('INVALID_ARGUMENT', 'a simulate request needs "from" and "host" strings');
  }
  const port = input.port ?? undefined;
  if (port !== undefined && (typeof port !== 'number' || !Number.isInteger(port))) {
    throw new DomainError('INVALID_ARGUMENT', 'port must be an integer');
  }
  const scheme = input.scheme ?? undefined;
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    throw new DomainError('INVALID_ARGUMENT', 'scheme must be http or https');
  }
}

/** A simulate request from GraphQL input or a REST body, checked field by field. */
export function toSimulateRequest(input: SimulateRequestLike): SimulateRequest {
  checkScalars(input);
  const optional = {
    port: typeof input.port === 'number' ? input.port : undefined,
    method: optionalString(input.method),
    path: optionalString(input.path),
    headers: stringMap(input.headers, 'headers'),
    scheme: input.scheme === 'http' || input.scheme === 'https' ? input.scheme : undefined,
    sourceLabels: stringMap(input.sourceLabels, 'sourceLabels'),
  };
  const defined = Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined));
  return { from: String(input.from), host: String(input.host), ...defined };
}
