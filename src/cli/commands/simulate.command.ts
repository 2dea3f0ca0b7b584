import type { Command } from 'commander';
import {
  parseSnapshot,
  renderSimulationText,
  resolveGraph,
  type SimulateRequest,
  simulateRequest,
} from '../../engine/index.js';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import { formatInputErrorText, inputErrorJson } from '../format-input-error.js';
import { type CommandIo, PROCESS_IO } from '../graph-output/command-io.js';
import { type Parsed, parseChoice, usageError } from '../parse-choice.js';
import { readSourceFiles } from '../read-source-files.js';

/** Flags as commander hands them over (strings; repeatable ones collected). */
export interface SimulateFlags {
  readonly from: string;
  readonly host: string;
  readonly port?: string;
  readonly method?: string;
  readonly path?: string;
  readonly header: readonly string[];
  readonly sourceLabel: readonly string[];
  readonly scheme?: string;
  readonly namespace: string;
  readonly format: string;
}

export interface SimulateSettings {
  readonly request: SimulateRequest;
  readonly format: 'json' | 'text';
  readonly namespace: string;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `k=v` (or curl's `k: v`) into a map; names keep their case, the engine lower-cases them. */
function parsePairs(values: readonly string[], flag: string): Parsed<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const value of values) {
    const match = /^([^=:\s]+)\s*[=:]\s?(.*)$/.exec(value);
    if (match === null) {
      return { ok: false, message: `${flag} expects k=v, got "${value}"` };
    }
    out[match[1] ?? ''] = match[2] ?? '';
  }
  return { ok: true, value: out };
}

function parsePort(value: string | undefined): Parsed<number | undefined> {
  if (value === undefined) {
    return { ok: true, value: undefined };
  }
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  return port >= 1 && port <= 65535
    ? { ok: true, value: port }
    : { ok: false, message: `--port must be a port number (1-65535), not "${value}"` };
}

function buildRequest(
  flags: SimulateFlags,
  scheme: 'http' | 'https',
  port: number | undefined,
  headers: Record<string, string>,
  labels: Record<string, string>,
): SimulateRequest {
  return {
    from: flags.from,
    host: flags.host,
    scheme,
    headers,
    ...(port === undefined ? {} : { port }),
    ...(flags.method === undefined ? {} : { method: flags.method }),
    ...(flags.path === undefined ? {} : { path: flags.path }),
    ...(Object.keys(labels).length > 0 ? { sourceLabels: labels } : {}),
  };
}

/** Validates the flags of `meshlens simulate` (contracts/simulate.md CLI). */
export function parseSimulateFlags(flags: SimulateFlags): Parsed<SimulateSettings> {
  const port = parsePort(flags.port);
  const headers = parsePairs(flags.header, '--header');
  const labels = parsePairs(flags.sourceLabel, '--source-label');
  const scheme = parseChoice('--scheme', flags.scheme ?? 'http', ['http', 'https']);
  const format = parseChoice('--format', flags.format, ['json', 'text']);
  if (!port.ok) {
    return port;
  }
  if (!headers.ok) {
    return headers;
  }
  if (!labels.ok) {
    return labels;
  }
  if (!format.ok) {
    return format;
  }
  if (!scheme.ok) {
    return scheme;
  }
  const request = buildRequest(flags, scheme.value, port.value, headers.value, labels.value);
  return { ok: true, value: { request, format: format.value, namespace: flags.namespace } };
}

/**
 * `meshlens simulate PATH... --from SRC --host H …`, offline: parse, resolve the graph, simulate.
 * Exit codes: 0 for every completed simulation whatever its outcome (no-route, denied… are
 * answers, read them from the output), 2 for input errors (bad flags, unreadable or invalid
 * manifests, a source the snapshot does not have).
 */
export async function runSimulate(
  paths: readonly string[],
  flags: SimulateFlags,
  io: CommandIo = PROCESS_IO,
): Promise<number> {
  const settings = parseSimulateFlags(flags);
  if (!settings.ok) {
    return usageError('simulate', settings.message, io.stderr);
  }
  const { format, namespace, request } = settings.value;
  const parsed = parseSnapshot(await readSourceFiles([...paths]), { defaultNamespace: namespace });
  if (!parsed.ok) {
    if (format === 'json') {
      io.stdout(`${JSON.stringify(inputErrorJson(parsed.error), null, 2)}\n`);
    } else {
      io.stderr(`${formatInputErrorText(parsed.error)}\n`);
    }
    return EXIT_ERROR;
  }
  const result = simulateRequest(resolveGraph(parsed.value.resources), request);
  if (!result.ok) {
    if (format === 'json') {
      io.stdout(`${JSON.stringify({ error: result.error }, null, 2)}\n`);
    } else {
      io.stderr(`meshlens simulate: ${result.error.message} [${result.error.code}]\n`);
    }
    return EXIT_ERROR;
  }
  io.stdout(
    format === 'json'
      ? `${JSON.stringify(result.value, null, 2)}\n`
      : renderSimulationText(result.value),
  );
  return EXIT_OK;
}

export function registerSimulateCommand(program: Command): void {
  program
    .command('simulate')
    .description('Simulate one request through the mesh, offline: route, destinations, mTLS, authz')
    .argument('<paths...>', 'files or directories (recursively: .yaml, .yml, .json); - reads stdin')
    .requiredOption('--from <src>', '<ns>/<workload>, external:<ns>/<gateway> or mesh:<ns>')
    .requiredOption('--host <host>', 'host or authority, e.g. reviews or reviews:9080')
    .option('--port <port>', "default 80; for external: sources the Gateway's first HTTP port")
    .option('--method <method>', 'HTTP method', 'GET')
    .option('--path <path>', 'path with query', '/')
    .option('--header <k=v>', 'request header (repeatable)', collect, [])
    .option(
      '--source-label <k=v>',
      'extra client label, e.g. for mesh: sources (repeatable)',
      collect,
      [],
    )
    .option('--scheme <scheme>', 'http or https', 'http')
    .option('-n, --namespace <ns>', 'namespace for objects without one', 'default')
    .option('--format <format>', 'json or text', 'text')
    .action(async (paths: string[], flags: SimulateFlags) => {
      process.exitCode = await runSimulate(paths, flags);
    });
}
