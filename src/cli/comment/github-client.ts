import { Octokit } from '@octokit/rest';
import { statusDescription, type BotComment, type ReviewClient } from './review-client.js';

export interface GithubTarget {
  /** `GITHUB_API_URL`: `https://api.github.com`, or `https://ghe.example.com/api/v3`. */
  readonly apiUrl: string;
  readonly token: string;
  readonly owner: string;
  readonly repo: string;
  readonly pr: number;
  readonly fetch?: typeof fetch | undefined;
}

const QUIET_LOG = {
  debug: (): void => undefined,
  info: (): void => undefined,
  warn: (): void => undefined,
  error: (): void => undefined,
};

/**
 * Pull-request comments are issue comments on GitHub (`/repos/{o}/{r}/issues/{n}/comments`);
 * the head and commits come from `/pulls/{n}`, the verdict goes to `/statuses/{sha}`.
 */
export function createGithubClient(target: GithubTarget): ReviewClient {
  const octokit = new Octokit({
    auth: target.token,
    baseUrl: target.apiUrl.replace(/\/+$/, ''),
    userAgent: 'meshlens-pr-bot',
    log: QUIET_LOG,
    ...(target.fetch === undefined ? {} : { request: { fetch: target.fetch } }),
  });
  const where = { owner: target.owner, repo: target.repo };
  const issue = { ...where, issue_number: target.pr };
  const pull = { ...where, pull_number: target.pr };
  return {
    label: `${target.owner}/${target.repo}#${String(target.pr)}`,
    async listComments(): Promise<BotComment[]> {
      const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        ...issue,
        per_page: 100,
      });
      return comments.map((comment) => ({ id: comment.id, body: comment.body ?? '' }));
    },
    async createComment(body: string): Promise<BotComment> {
      const { data } = await octokit.rest.issues.createComment({ ...issue, body });
      return { id: data.id, body: data.body ?? body };
    },
    async updateComment(id: number, body: string): Promise<void> {
      await octokit.rest.issues.updateComment({ ...where, comment_id: id, body });
    },
    async deleteComment(id: number): Promise<void> {
      await octokit.rest.issues.deleteComment({ ...where, comment_id: id });
    },
    async headSha(): Promise<string | null> {
      const { data } = await octokit.rest.pulls.get(pull);
      return data.head.sha;
    },
    async commits(): Promise<string[]> {
      const commits = await octokit.paginate(octokit.rest.pulls.listCommits, {
        ...pull,
        per_page: 100,
      });
      return commits.map((commit) => commit.sha);
    },
    async setStatus(status): Promise<void> {
      await octokit.rest.repos.createCommitStatus({
        ...where,
        sha: status.sha,
        state: status.state,
        context: status.context,
        description: statusDescription(status.description),
        ...(status.targetUrl === undefined ? {} : { target_url: status.targetUrl }),
      });
    },
  };
}
