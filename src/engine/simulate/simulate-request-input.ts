import { serverTraffic } from '../graph/routing/gateway-config.js';
import { err, ok, type Result } from '../model/result.js';
import type { SimulationProxy } from './simulate-source.js';
import type { SimulateError, SimulateRequest, SimulateResult } from './simulate-types.js';

/** A request with every default applied. */
export interface SimulatedHttpRequest {
  /** `:authority` as sent (possibly with `:port`). */
  readonly authority: string;
  /** Lower-case host without port, used for virtual host selection. */
  readonly host: string;
  readonly port: number;
  readonly method: string;
  readonly path: string;
  readonly scheme: 'http' | 'https';
  /** Lower-case names, sorted. */
  readonly headers: Readonly<Record<string, string>>;
  /** Notes on defaults that were applied. */
  readonly notes: readonly string[];
}

const HOST = /^[a-z0-9*]([-a-z0-9.*]*[a-z0-9])?$/;

function splitAuthority(authority: string): { host: string; port: number | null } {
  const match = /^(.*):(\d+)$/.exec(authority);
  return match === null
    ? { host: authority, port: null }
    : { host: match[1] ?? authority, port: Number(match[2]) };
}

/**
 * contracts/simulate.md: the port defaults to 80 for sidecar and plain clients and to the Gateway's
 * first HTTP server port for `external:` sources (the first HTTPS-terminating one for `https`).
 * A port written in the authority (`reviews:9080`) is used when `port` is not given.
 */
function defaultPort(proxy: SimulationProxy, scheme: 'http' | 'https'): number {
  if (proxy.kind !== 'gateway') {
    return 80;
  }
  const servers = proxy.gateway.servers;
  const wanted = scheme === 'https' ? 'https' : 'http';
  const server = servers.find((s) => serverTraffic(s) === wanted) ?? servers[0];
  return server?.port ?? 80;
}

function normalizeHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(headers)
    .map((k) => k.toLowerCase())
    .sort()) {
    const value = Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
    out[name] = value ?? '';
  }
  return out;
}

function invalid(message: string): { readonly ok: false; readonly error: SimulateError } {
  return err({ code: 'INVALID_REQUEST', message });
}

function portNote(proxy: SimulationProxy, port: number): string {
  const origin =
    proxy.kind === 'gateway' ? "the Gateway's first server port for this scheme" : 'default';
  return `port ${String(port)} assumed (${origin})`;
}

function isValidPort(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}

/** Applies the defaults of contracts/simulate.md and rejects malformed requests. */
export function normalizeRequest(
  request: SimulateRequest,
  proxy: SimulationProxy,
): Result<SimulatedHttpRequest, SimulateError> {
  const authority = request.host.trim();
  const split = splitAuthority(authority.toLowerCase());
  const host = split.host.replace(/\.$/, '');
  if (!HOST.test(host)) {
    return invalid(`invalid host "${request.host}"`);
  }
  const scheme = request.scheme ?? 'http';
  const explicitPort = request.port ?? split.port;
  const port = explicitPort ?? defaultPort(proxy, scheme);
  if (!isValidPort(port)) {
    return invalid(`invalid port ${String(port)}`);
  }
  const path = request.path ?? '/';
  if (!path.startsWith('/')) {
    return invalid(`invalid path "${path}": it must start with /`);
  }
  return ok({
    authority,
    host,
    port,
    method: (request.method ?? 'GET').toUpperCase(),
    path,
    scheme,
    headers: normalizeHeaders(request.headers ?? {}),
    notes: explicitPort === null ? [portNote(proxy, port)] : [],
  });
}

/** The `request` object of the result. */
export function requestJson(request: SimulatedHttpRequest): SimulateResult['request'] {
  return {
    host: request.authority,
    port: request.port,
    method: request.method,
    path: request.path,
    headers: request.headers,
    scheme: request.scheme,
  };
}
