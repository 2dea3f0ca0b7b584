import { createGithubClient } from './github-client.js';
import { createGitlabClient } from './gitlab-client.js';
import type { ReviewClient } from './review-client.js';

export type Provider = 'github' | 'gitlab';
export type Environment = Readonly<Record<string, string | undefined>>;

/** What the command line says; gaps are filled from the CI variables. */
export interface ForgeFlags {
  readonly provider?: Provider | undefined;
  readonly repo?: string | undefined;
  readonly pr?: string | undefined;
  readonly headSha?: string | undefined;
}

export interface ForgeTarget {
  readonly provider: Provider;
  readonly repo: string;
  readonly pr: number;
  readonly headSha: string | null;
}

/** The pull request fields of `$GITHUB_EVENT_PATH` (a `pull_request` event payload). */
export interface GithubEvent {
  readonly number?: number;
  readonly headSha?: string;
}

const nonEmpty = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

export function detectProvider(flags: ForgeFlags, env: Environment): Provider {
  if (flags.provider !== undefined) {
    return flags.provider;
  }
  return env['GITLAB_CI'] === 'true' ||
    (nonEmpty(env['CI_API_V4_URL']) !== undefined && env['GITHUB_ACTIONS'] !== 'true')
    ? 'gitlab'
    : 'github';
}

/** `{"pull_request": {"number": 12, "head": {"sha": "…"}}}` → the number and the head commit. */
export function parseGithubEvent(text: string): GithubEvent {
  const payload = JSON.parse(text) as {
    pull_request?: { number?: unknown; head?: { sha?: unknown } };
  };
  const pr = payload.pull_request;
  return {
    ...(typeof pr?.number === 'number' ? { number: pr.number } : {}),
    ...(typeof pr?.head?.sha === 'string' ? { headSha: pr.head.sha } : {}),
  };
}

interface CiDefaults {
  readonly repo: string | undefined;
  readonly pr: string | undefined;
  readonly headSha: string | undefined;
  readonly names: { readonly repo: string; readonly pr: string };
}

/**
 * On GitHub `GITHUB_SHA` of a `pull_request` event is the *merge* commit, so the head comes from
 * the event payload; GitLab merged-results pipelines put the head in
 * `CI_MERGE_REQUEST_SOURCE_BRANCH_SHA` (`CI_COMMIT_SHA` otherwise).
 */
function ciDefaults(provider: Provider, env: Environment, event: GithubEvent): CiDefaults {
  if (provider === 'gitlab') {
    return {
      repo: nonEmpty(env['CI_PROJECT_ID']),
      pr: nonEmpty(env['CI_MERGE_REQUEST_IID']),
      headSha:
        nonEmpty(env['CI_MERGE_REQUEST_SOURCE_BRANCH_SHA']) ?? nonEmpty(env['CI_COMMIT_SHA']),
      names: { repo: 'CI_PROJECT_ID', pr: 'CI_MERGE_REQUEST_IID' },
    };
  }
  return {
    repo: nonEmpty(env['GITHUB_REPOSITORY']),
    pr: event.number?.toString(),
    headSha: event.headSha,
    names: { repo: 'GITHUB_REPOSITORY', pr: 'a pull_request event' },
  };
}

/** The head commit this run reports on: `--head-sha`, else the CI's own variables. */
export function resolveHeadSha(
  flags: ForgeFlags,
  env: Environment,
  event: GithubEvent,
): string | null {
  return (
    nonEmpty(flags.headSha) ?? ciDefaults(detectProvider(flags, env), env, event).headSha ?? null
  );
}

/** `--repo`, `--pr` and `--head-sha`, else the CI's own variables; a string says what is missing. */
export function resolveForgeTarget(
  flags: ForgeFlags,
  env: Environment,
  event: GithubEvent,
): ForgeTarget | string {
  const provider = detectProvider(flags, env);
  const defaults = ciDefaults(provider, env, event);
  const repo = nonEmpty(flags.repo) ?? defaults.repo;
  const prText = nonEmpty(flags.pr) ?? defaults.pr;
  if (repo === undefined) {
    return `--repo is required (or ${defaults.names.repo})`;
  }
  const pr = Number(prText);
  if (prText === undefined || !Number.isInteger(pr) || pr <= 0) {
    return `--pr must be a pull/merge request number (or ${defaults.names.pr})`;
  }
  return { provider, repo, pr, headSha: nonEmpty(flags.headSha) ?? defaults.headSha ?? null };
}

function githubClient(
  target: ForgeTarget,
  env: Environment,
  fetcher?: typeof fetch,
): ReviewClient | string {
  const token = nonEmpty(env['GITHUB_TOKEN']) ?? nonEmpty(env['GH_TOKEN']);
  const [owner, repo, ...rest] = target.repo.split('/');
  if (owner === undefined || repo === undefined || owner === '' || repo === '' || rest.length > 0) {
    return `--repo must be owner/name on GitHub, got ${target.repo}`;
  }
  if (token === undefined) {
    return 'GITHUB_TOKEN is not set';
  }
  const apiUrl = nonEmpty(env['GITHUB_API_URL']) ?? 'https://api.github.com';
  return createGithubClient({ apiUrl, token, owner, repo, pr: target.pr, fetch: fetcher });
}

function gitlabClient(
  target: ForgeTarget,
  env: Environment,
  fetcher?: typeof fetch,
): ReviewClient | string {
  const personal = nonEmpty(env['GITLAB_TOKEN']);
  const job = nonEmpty(env['CI_JOB_TOKEN']);
  const token =
    personal !== undefined
      ? { header: 'PRIVATE-TOKEN' as const, value: personal }
      : job !== undefined
        ? { header: 'JOB-TOKEN' as const, value: job }
        : undefined;
  if (token === undefined) {
    return 'GITLAB_TOKEN (or CI_JOB_TOKEN) is not set';
  }
  const apiUrl = nonEmpty(env['CI_API_V4_URL']) ?? 'https://gitlab.com/api/v4';
  return createGitlabClient({
    apiUrl,
    project: target.repo,
    mergeRequest: target.pr,
    token,
    fetch: fetcher,
  });
}

/** The client for the target's forge, or why it cannot be built. */
export function createReviewClient(
  target: ForgeTarget,
  env: Environment,
  fetcher?: typeof fetch,
): ReviewClient | string {
  return target.provider === 'gitlab'
    ? gitlabClient(target, env, fetcher)
    : githubClient(target, env, fetcher);
}
