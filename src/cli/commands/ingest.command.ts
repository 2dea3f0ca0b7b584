import type { Command } from 'commander';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import { formatInputErrorText } from '../format-input-error.js';
import { parseChoice, usageError } from '../parse-choice.js';
import { readSourceFiles } from '../read-source-files.js';
import { postSnapshot } from '../server-client.js';

interface IngestOptions {
  readonly env: string;
  readonly server: string;
  readonly namespace: string;
  readonly commit?: string;
  readonly branch?: string;
  readonly author?: string;
  readonly message?: string;
  readonly source?: string;
  readonly allowEmpty?: boolean;
  readonly format: string;
}

const FORMATS = ['text', 'json'] as const;

/** `meshlens ingest --env E PATH... [--server URL]`: uploads the files as the next version. */
export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description('Send manifests to a meshlens server as the next version of an environment')
    .argument('<paths...>', 'files or directories; - reads stdin')
    .requiredOption('--env <name>', 'environment (a cluster, or repo+branch)')
    .option(
      '--server <url>',
      'meshlens server',
      process.env['MESHLENS_SERVER'] ?? 'http://127.0.0.1:3000',
    )
    .option('-n, --namespace <ns>', 'namespace for objects without one', 'default')
    .option('--commit <sha>', 'git commit the manifests were rendered from')
    .option('--branch <name>')
    .option('--author <name>')
    .option('--message <text>')
    .option('--source <text>', 'where the change came from, e.g. pr:812')
    .option(
      '--allow-empty',
      'store a snapshot with no object (a version that removes every object); refused otherwise',
    )
    .option('--format <format>', FORMATS.join(' or '), 'text')
    .action(async (paths: string[], options: IngestOptions) => {
      process.exitCode = await runIngest(paths, options);
    });
}

async function runIngest(paths: string[], options: IngestOptions): Promise<number> {
  const format = parseChoice('--format', options.format, FORMATS);
  if (!format.ok) {
    return usageError('ingest', format.message);
  }
  const files = await readSourceFiles(paths);
  const metadata = {
    namespace: options.namespace,
    commit: options.commit,
    branch: options.branch,
    author: options.author,
    message: options.message,
    source: options.source,
    allowEmpty: options.allowEmpty === true ? 'true' : undefined,
  };
  const response = await postSnapshot(options.server, options.env, files, metadata);
  if (format.value === 'json') {
    process.stdout.write(JSON.stringify(response.body, null, 2) + '\n');
  }
  if (!response.ok) {
    if (format.value === 'text') {
      process.stderr.write(
        `ingest failed (${String(response.status)}): ${failureText(response.body)}\n`,
      );
    }
    return EXIT_ERROR;
  }
  if (format.value === 'text') {
    const body = response.body as { message?: string };
    process.stdout.write(`${body.message ?? 'ok'}\n`);
  }
  return EXIT_OK;
}

/**
 * The server's error as `validate` prints a located one (`file:line:col: message [MESH0003]`), or
 * its message; the raw body when it is not the API's error shape.
 */
function failureText(body: unknown): string {
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  if (typeof error?.['message'] !== 'string') {
    return typeof body === 'string' ? body : JSON.stringify(body);
  }
  const located = typeof error['file'] === 'string' && error['file'] !== '';
  if (located) {
    return formatInputErrorText({
      code: typeof error['inputCode'] === 'string' ? error['inputCode'] : String(error['code']),
      file: error['file'] as string,
      document: typeof error['document'] === 'number' ? error['document'] : null,
      line: typeof error['line'] === 'number' ? error['line'] : null,
      column: typeof error['column'] === 'number' ? error['column'] : null,
      path: typeof error['path'] === 'string' ? error['path'] : '',
      message: error['message'],
    });
  }
  return `${error['message']} [${String(error['code'])}]`;
}
