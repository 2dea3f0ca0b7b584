import type { Command } from 'commander';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
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
  };
  const response = await postSnapshot(options.server, options.env, files, metadata);
  if (format.value === 'json') {
    process.stdout.write(JSON.stringify(response.body, null, 2) + '\n');
  }
  if (!response.ok) {
    if (format.value === 'text') {
      process.stderr.write(
        `ingest failed (${response.status}): ${JSON.stringify(response.body)}\n`,
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
