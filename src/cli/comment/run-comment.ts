import type { ImpactReport, SourceFile } from '../../engine/index.js';
import { renderImpactMarkdown } from '../../engine/report/render-impact-markdown.js';
import { environmentOf } from '../../engine/report/report-refs.js';
import { hasTrafficImpact, isNoChange } from '../../engine/report/report-status.js';
import { redactReportSecrets } from '../../engine/report/secret-guard.js';
import { verdictText } from '../../engine/report/verdict.js';
import { EXIT_ERROR } from '../exit-codes.js';
import { formatInputErrorText, inputErrorJson } from '../format-input-error.js';
import {
  createReviewClient,
  parseGithubEvent,
  resolveForgeTarget,
  resolveHeadSha,
  type Environment,
  type ForgeTarget,
  type GithubEvent,
  type Provider,
} from './ci-environment.js';
import type { LocalImpactInput } from './compute-report.js';
import { exitCodeFor, reachesThreshold, type FailOn } from './fail-on.js';
import {
  reportFromFiles,
  reportFromServer,
  type ReportFailure,
  type ReportOutcome,
} from './impact-source.js';
import type { ReviewClient } from './review-client.js';
import { findingsToSarif } from './sarif.js';
import { syncImpactComment, type CommentMode } from './sync-comment.js';

export type CommentFormat = 'markdown' | 'json' | 'sarif';

export interface CommentOptions {
  readonly after: readonly string[];
  readonly before?: readonly string[] | undefined;
  readonly server?: string | undefined;
  readonly env?: string | undefined;
  readonly base?: string | undefined;
  readonly repo?: string | undefined;
  readonly pr?: string | undefined;
  readonly headSha?: string | undefined;
  readonly provider?: Provider | undefined;
  readonly skipNoChange: boolean;
  readonly deleteWhenNoImpact: boolean;
  readonly status: boolean;
  readonly format: CommentFormat;
  readonly failOn?: FailOn | undefined;
  readonly namespace: string;
  readonly reportUrl?: string | undefined;
  readonly dryRun: boolean;
}

/** Everything the command touches outside the process, so tests can run it in-process. */
export interface CommentDeps {
  readonly env: Environment;
  readonly readFiles: (paths: readonly string[]) => Promise<SourceFile[]>;
  readonly readText: (path: string) => Promise<string>;
  readonly appendText: (path: string, text: string) => Promise<void>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly fetch?: typeof fetch | undefined;
  readonly computeImpact?: ((input: LocalImpactInput) => Promise<ImpactReport>) | undefined;
}

/** Large enough for any report, below GitHub's 1 MiB step-summary limit. */
const STEP_SUMMARY_BUDGET = 900_000;

class UsageError extends Error {}

function checkOptions(options: CommentOptions): string | null {
  if (options.after.length === 0) {
    return '--after PATH... is required';
  }
  const local = options.before !== undefined && options.before.length > 0;
  const remote = options.server !== undefined;
  if (local === remote) {
    return 'give either --before PATH... or --server URL --env E';
  }
  return remote && options.env === undefined ? '--server needs --env' : null;
}

async function readEvent(deps: CommentDeps): Promise<GithubEvent> {
  const path = deps.env['GITHUB_EVENT_PATH'];
  return path === undefined || path === '' ? {} : parseGithubEvent(await deps.readText(path));
}

interface Forge {
  readonly target: ForgeTarget;
  readonly client: ReviewClient;
}

/** Where to post (null with --dry-run) and the head commit the report is for. */
async function forgeOf(
  options: CommentOptions,
  deps: CommentDeps,
): Promise<{ forge: Forge | null; headSha: string | null }> {
  const event = await readEvent(deps);
  if (options.dryRun) {
    return { forge: null, headSha: resolveHeadSha(options, deps.env, event) };
  }
  const target = resolveForgeTarget(options, deps.env, event);
  if (typeof target === 'string') {
    throw new UsageError(target);
  }
  const client = createReviewClient(target, deps.env, deps.fetch);
  if (typeof client === 'string') {
    throw new UsageError(client);
  }
  return { forge: { target, client }, headSha: target.headSha };
}

async function obtainReport(options: CommentOptions, deps: CommentDeps): Promise<ReportOutcome> {
  const after = await deps.readFiles(options.after);
  if (options.server !== undefined) {
    return reportFromServer({
      server: options.server,
      env: options.env ?? '',
      base: options.base,
      namespace: options.namespace,
      after,
      token: deps.env['MESHLENS_TOKEN'],
      fetch: deps.fetch,
    });
  }
  const before = options.before ?? [];
  return reportFromFiles({
    before: await deps.readFiles(before),
    after,
    beforeLabel: before.join(' '),
    afterLabel: options.after.join(' '),
    namespace: options.namespace,
    compute: deps.computeImpact,
  });
}

function printFailure(failure: ReportFailure, options: CommentOptions, deps: CommentDeps): void {
  if (failure.kind === 'input') {
    if (options.format === 'json') {
      deps.stdout(JSON.stringify(inputErrorJson(failure.error), null, 2) + '\n');
    } else {
      deps.stderr(formatInputErrorText(failure.error) + '\n');
    }
    return;
  }
  const body = typeof failure.body === 'string' ? failure.body : JSON.stringify(failure.body);
  if (options.format === 'json' && typeof failure.body === 'object') {
    deps.stdout(JSON.stringify(failure.body, null, 2) + '\n');
  }
  deps.stderr(
    `meshlens: impact request failed (${String(failure.status)}): ${body.slice(0, 500)}\n`,
  );
}

function commentMode(report: ImpactReport, options: CommentOptions): CommentMode {
  if (options.deleteWhenNoImpact && !hasTrafficImpact(report)) {
    return 'delete';
  }
  return options.skipNoChange && isNoChange(report) ? 'update-only' : 'upsert';
}

/** The run's page on GitHub, where the untruncated step summary is shown. */
function runUrl(env: Environment): string | undefined {
  const [server, repo, run] = [
    env['GITHUB_SERVER_URL'],
    env['GITHUB_REPOSITORY'],
    env['GITHUB_RUN_ID'],
  ];
  return server && repo && run
    ? `${server.replace(/\/+$/, '')}/${repo}/actions/runs/${run}`
    : undefined;
}

interface Publication {
  readonly report: ImpactReport;
  readonly env: string;
  readonly headSha: string | null;
  readonly fullReportUrl: string | undefined;
}

async function publish(
  forge: { target: ForgeTarget; client: ReviewClient },
  markdown: string,
  pub: Publication,
  options: CommentOptions,
  deps: CommentDeps,
): Promise<void> {
  const { client } = forge;
  const result = await syncImpactComment(client, {
    marker: { env: pub.env, sha: pub.headSha },
    markdown,
    mode: commentMode(pub.report, options),
  });
  const id = result.commentId === null ? '' : ` ${String(result.commentId)}`;
  deps.stderr(`meshlens: comment${id} on ${client.label}: ${result.outcome} (${result.reason})\n`);
  if (!options.status) {
    return;
  }
  if (pub.headSha === null) {
    deps.stderr('meshlens: no head commit known (--head-sha): commit status not set\n');
    return;
  }
  await client.setStatus({
    sha: pub.headSha,
    state: reachesThreshold(pub.report, options.failOn) ? 'failure' : 'success',
    description: verdictText(pub.report),
    context: `meshlens/${pub.env}`,
    targetUrl: pub.fullReportUrl,
  });
}

function printReport(
  outcome: Extract<ReportOutcome, { ok: true }>,
  report: ImpactReport,
  markdown: string,
  options: CommentOptions,
  deps: CommentDeps,
): void {
  if (options.format === 'json') {
    deps.stdout(JSON.stringify(report, null, 2) + '\n');
  } else if (options.format === 'sarif') {
    deps.stdout(findingsToSarif(report, outcome.locate) + '\n');
  } else {
    deps.stdout(markdown);
  }
}

function fullReportUrlOf(options: CommentOptions, deps: CommentDeps): string | undefined {
  const hasSummary = (deps.env['GITHUB_STEP_SUMMARY'] ?? '') !== '';
  return options.reportUrl ?? (hasSummary ? runUrl(deps.env) : undefined);
}

async function runChecked(options: CommentOptions, deps: CommentDeps): Promise<number> {
  const { forge, headSha } = await forgeOf(options, deps);
  const outcome = await obtainReport(options, deps);
  if (!outcome.ok) {
    printFailure(outcome.failure, options, deps);
    return EXIT_ERROR;
  }
  const report = redactReportSecrets(outcome.report);
  const env = options.env ?? environmentOf(report, {}) ?? 'default';
  const fullReportUrl = fullReportUrlOf(options, deps);
  const render = { environment: env, serverUrl: options.server, headSha: headSha ?? undefined };
  const markdown = renderImpactMarkdown(report, { ...render, fullReportUrl });
  const summaryPath = deps.env['GITHUB_STEP_SUMMARY'];
  if (summaryPath !== undefined && summaryPath !== '') {
    const full = renderImpactMarkdown(report, { ...render, budget: STEP_SUMMARY_BUDGET });
    await deps.appendText(summaryPath, full + '\n');
  }
  printReport(outcome, report, markdown, options, deps);
  if (forge !== null) {
    await publish(forge, markdown, { report, env, headSha, fullReportUrl }, options, deps);
  }
  return exitCodeFor(report, options.failOn);
}

/**
 * `meshlens comment`: compute (or fetch) the impact report, print it in `--format`, append it
 * to the GitHub step summary, and keep one living comment on the PR. Exit codes as
 * `meshlens impact`: 0 no change, 1 changes, 2 error, 3 `--fail-on` reached.
 */
export async function runComment(options: CommentOptions, deps: CommentDeps): Promise<number> {
  const problem = checkOptions(options);
  if (problem !== null) {
    deps.stderr(`meshlens comment: ${problem}\n`);
    return EXIT_ERROR;
  }
  try {
    return await runChecked(options, deps);
  } catch (error: unknown) {
    const prefix = error instanceof UsageError ? 'meshlens comment' : 'meshlens';
    deps.stderr(`${prefix}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_ERROR;
  }
}
