import { appendFile, readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { FAIL_ON_LEVELS } from '../comment/fail-on.js';
import { runComment, type CommentFormat, type CommentOptions } from '../comment/run-comment.js';
import { type Parsed, parseChoice, parseOptionalChoice, usageError } from '../parse-choice.js';
import { readSourceFiles } from '../read-source-files.js';

/** The options as commander hands them over: the enumerated ones still unchecked strings. */
type CommentFlags = Omit<CommentOptions, 'provider' | 'format' | 'failOn'> & {
  readonly provider?: string;
  readonly format: string;
  readonly failOn?: string;
};

const PROVIDERS = ['github', 'gitlab'] as const;
const FORMATS = ['markdown', 'json', 'sarif'] as const satisfies readonly CommentFormat[];

/** --provider, --format and --fail-on, checked as every command checks them (parse-choice.ts). */
function parseCommentFlags(flags: CommentFlags): Parsed<CommentOptions> {
  const provider = parseOptionalChoice('--provider', flags.provider, PROVIDERS);
  const format = parseChoice('--format', flags.format, FORMATS);
  const failOn = parseOptionalChoice('--fail-on', flags.failOn, FAIL_ON_LEVELS);
  for (const parsed of [provider, format, failOn]) {
    if (!parsed.ok) {
      return parsed;
    }
  }
  return {
    ok: true,
    value: {
      ...flags,
      provider: provider.ok ? provider.value : undefined,
      format: format.ok ? format.value : 'markdown',
      failOn: failOn.ok ? failOn.value : undefined,
    },
  };
}

/**
 * `meshlens comment`: the GitOps PR bot. One living comment per pull request and environment,
 * updated in place on every push (issue 6; docs/pr-bot.md).
 */
export function registerCommentCommand(program: Command): void {
  program
    .command('comment')
    .description('Post (or update) the impact of a PR as one living comment on GitHub or GitLab')
    .requiredOption('--after <paths...>', 'the PR’s rendered manifests (files, directories, -)')
    .option('--before <paths...>', 'the base branch’s rendered manifests (offline mode)')
    .option('--server <url>', 'meshlens server: compare against a stored version instead')
    .option('--env <name>', 'environment (server mode; also names the comment)')
    .option('--base <version>', 'base version on the server (default: latest)')
    .option('--repo <owner/name>', 'GitHub owner/name or GitLab project id/path (default from CI)')
    .option('--pr <number>', 'pull / merge request number (default from CI)')
    .option('--head-sha <sha>', 'PR head commit the manifests were rendered from (default from CI)')
    .option('--provider <name>', `forge: ${PROVIDERS.join(' or ')} (default: detected)`)
    .option(
      '--skip-no-change',
      'post nothing when nothing changed (an earlier comment is updated)',
      false,
    )
    .option(
      '--delete-when-no-impact',
      'delete the comment when the PR has no impact on traffic',
      false,
    )
    .option('--status', 'also set a commit status with the verdict', false)
    .option('--format <format>', `what to print on stdout: ${FORMATS.join(', ')}`, 'markdown')
    .option(
      '--fail-on <level>',
      `exit 3 at this risk or finding level: ${FAIL_ON_LEVELS.join(', ')}`,
    )
    .option('-n, --namespace <ns>', 'namespace for objects without one', 'default')
    .option('--report-url <url>', 'link to the full report when the comment is shortened')
    .option('--dry-run', 'print only; post nothing', false)
    .action(async (flags: CommentFlags) => {
      const options = parseCommentFlags(flags);
      if (!options.ok) {
        process.exitCode = usageError('comment', options.message);
        return;
      }
      process.exitCode = await runComment(options.value, {
        env: process.env,
        readFiles: (paths) => readSourceFiles(paths),
        readText: (path) => readFile(path, 'utf8'),
        appendText: (path, text) => appendFile(path, text, 'utf8'),
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
      });
    });
}
