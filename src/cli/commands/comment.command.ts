import { appendFile, readFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { FAIL_ON_LEVELS } from '../comment/fail-on.js';
import { runComment, type CommentOptions } from '../comment/run-comment.js';
import { readSourceFiles } from '../read-source-files.js';

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
    .addOption(
      new Option('--provider <name>', 'forge (default: detected)').choices(['github', 'gitlab']),
    )
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
    .addOption(
      new Option('--format <format>', 'what to print on stdout')
        .choices(['markdown', 'json', 'sarif'])
        .default('markdown'),
    )
    .addOption(
      new Option('--fail-on <level>', 'exit 3 at this risk or finding level').choices([
        ...FAIL_ON_LEVELS,
      ]),
    )
    .option('-n, --namespace <ns>', 'namespace for objects without one', 'default')
    .option('--report-url <url>', 'link to the full report when the comment is shortened')
    .option('--dry-run', 'print only; post nothing', false)
    .action(async (options: CommentOptions) => {
      process.exitCode = await runComment(options, {
        env: process.env,
        readFiles: (paths) => readSourceFiles(paths),
        readText: (path) => readFile(path, 'utf8'),
        appendText: (path, text) => appendFile(path, text, 'utf8'),
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
      });
    });
}
