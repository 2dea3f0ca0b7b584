import type { Command } from 'commander';
import { parseSnapshot } from '../../engine/index.js';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import { formatInputErrorText, inputErrorJson } from '../format-input-error.js';
import { parseChoice, usageError } from '../parse-choice.js';
import { readSourceFiles } from '../read-source-files.js';

interface ValidateOptions {
  readonly format: string;
  readonly namespace: string;
}

const FORMATS = ['text', 'json'] as const;

/** `meshlens validate PATH...`: parse + schema check offline; exit 0 valid, 2 invalid. */
export function registerValidateCommand(program: Command): void {
  program
    .command('validate')
    .description('Parse and schema-check manifests offline (files, directories, or - for stdin)')
    .argument('<paths...>', 'files or directories (recursively: .yaml, .yml, .json); - reads stdin')
    .option('--format <format>', FORMATS.join(' or '), 'text')
    .option('-n, --namespace <ns>', 'namespace for objects without one', 'default')
    .action(async (paths: string[], options: ValidateOptions) => {
      process.exitCode = await runValidate(paths, options);
    });
}

async function runValidate(paths: string[], options: ValidateOptions): Promise<number> {
  const format = parseChoice('--format', options.format, FORMATS);
  if (!format.ok) {
    return usageError('validate', format.message);
  }
  const files = await readSourceFiles(paths);
  const result = parseSnapshot(files, { defaultNamespace: options.namespace });
  if (!result.ok) {
    if (format.value === 'json') {
      process.stdout.write(JSON.stringify(inputErrorJson(result.error), null, 2) + '\n');
    } else {
      process.stderr.write(formatInputErrorText(result.error) + '\n');
    }
    return EXIT_ERROR;
  }
  const { resources, warnings } = result.value;
  if (format.value === 'json') {
    const summary = { valid: true, files: files.length, objects: resources.length, warnings };
    process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
  } else {
    for (const w of warnings) {
      process.stderr.write(
        `${w.file}${w.line === null ? '' : `:${w.line}`}: warning: ${w.message} [${w.code}]\n`,
      );
    }
    process.stdout.write(`valid: ${resources.length} objects in ${files.length} files\n`);
  }
  return EXIT_OK;
}
