import type { Command } from 'commander';
import { renderImpactMarkdown } from '../../engine/index.js';
import { exitCodeFor, FAIL_ON_LEVELS } from '../comment/fail-on.js';
import { reportFromFiles, reportFromServer, type ReportOutcome } from '../comment/impact-source.js';
import { EXIT_ERROR } from '../exit-codes.js';
import { formatInputErrorText, inputErrorJson } from '../format-input-error.js';
import { parseChoice, parseOptionalChoice, usageError } from '../parse-choice.js';
import { readSourceFiles } from '../read-source-files.js';

interface ImpactOptions {
  readonly before?: string[];
  readonly after: string[];
  readonly server?: string;
  readonly env?: string;
  readonly base?: string;
  readonly namespace: string;
  readonly format: string;
  readonly failOn?: string;
}

const FORMATS = ['json', 'markdown'] as const;

/**
 * `meshlens impact --before PATH... --after PATH...` (offline) or
 * `meshlens impact --server URL --env E --after PATH...` (against the stored latest version).
 * Exit codes (kubectl diff style): 0 no change, 1 changes, 2 error, 3 `--fail-on` reached.
 */
export function registerImpactCommand(program: Command): void {
  program
    .command('impact')
    .description('What a change does: hosts, routes, reachability, exposures, findings')
    .option('--before <paths...>', 'the base snapshot: files or directories (offline mode)')
    .requiredOption('--after <paths...>', 'the changed snapshot: files or directories')
    .option('--server <url>', 'compare against a meshlens server instead of --before')
    .option('--env <name>', 'environment on the server')
    .option('--base <version>', 'base version on the server (default: latest)')
    .option('-n, --namespace <ns>', 'namespace for objects without one', 'default')
    .option('--format <format>', 'json (contracts/impact-report.md) or markdown', 'json')
    .option('--fail-on <level>', `exit 3 when reached: ${FAIL_ON_LEVELS.join(', ')}`)
    .action(async (options: ImpactOptions) => {
      process.exitCode = await runImpact(options);
    });
}

async function obtainReport(options: ImpactOptions): Promise<ReportOutcome | string> {
  const after = await readSourceFiles(options.after);
  if (options.server !== undefined) {
    if (options.env === undefined) {
      return '--server needs --env';
    }
    return reportFromServer({
      server: options.server,
      env: options.env,
      base: options.base,
      namespace: options.namespace,
      after,
      token: process.env['MESHLENS_TOKEN'],
    });
  }
  if (options.before === undefined) {
    return 'give --before PATH... (offline) or --server URL --env E';
  }
  const before = await readSourceFiles(options.before);
  return reportFromFiles({
    before,
    after,
    beforeLabel: options.before.join(' '),
    afterLabel: options.after.join(' '),
    namespace: options.namespace,
  });
}

async function runImpact(options: ImpactOptions): Promise<number> {
  const format = parseChoice('--format', options.format, FORMATS);
  if (!format.ok) {
    return usageError('impact', format.message);
  }
  const failOn = parseOptionalChoice('--fail-on', options.failOn, FAIL_ON_LEVELS);
  if (!failOn.ok) {
    return usageError('impact', failOn.message);
  }
  const outcome = await obtainReport(options);
  if (typeof outcome === 'string') {
    process.stderr.write(`meshlens: ${outcome}\n`);
    return EXIT_ERROR;
  }
  if (!outcome.ok) {
    const failure = outcome.failure;
    if (failure.kind === 'input') {
      process.stdout.write(
        format.value === 'json'
          ? JSON.stringify(inputErrorJson(failure.error), null, 2) + '\n'
          : '',
      );
      process.stderr.write(formatInputErrorText(failure.error) + '\n');
    } else {
      const body = typeof failure.body === 'string' ? failure.body : JSON.stringify(failure.body);
      process.stdout.write(
        format.value === 'json' && typeof failure.body === 'object' ? body + '\n' : '',
      );
      process.stderr.write(`meshlens: server answered ${String(failure.status)}: ${body}\n`);
    }
    return EXIT_ERROR;
  }
  const text =
    format.value === 'markdown'
      ? renderImpactMarkdown(outcome.report, {
          environment: options.env,
          serverUrl: options.server,
        })
      : JSON.stringify(outcome.report, null, 2);
  process.stdout.write(text.endsWith('\n') ? text : text + '\n');
  return exitCodeFor(outcome.report, failOn.value);
}
