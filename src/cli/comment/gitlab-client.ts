import { statusDescription, type BotComment, type ReviewClient } from './review-client.js';

export interface GitlabTarget {
  /** `CI_API_V4_URL`, e.g. `https://gitlab.com/api/v4`. */
  readonly apiUrl: string;
  /** `CI_PROJECT_ID` (numeric) or the project path `group/sub/project`. */
  readonly project: string;
  /** `CI_MERGE_REQUEST_IID`. */
  readonly mergeRequest: number;
  /** `GITLAB_TOKEN` goes in `PRIVATE-TOKEN`, `CI_JOB_TOKEN` in `JOB-TOKEN`. */
  readonly token: { readonly header: 'PRIVATE-TOKEN' | 'JOB-TOKEN'; readonly value: string };
  readonly fetch?: typeof fetch | undefined;
}

interface Note {
  readonly id: number;
  readonly body?: string;
  readonly system?: boolean;
}

class GitlabApi {
  private readonly base: string;
  private readonly fetcher: typeof fetch;

  constructor(private readonly target: GitlabTarget) {
    this.base = target.apiUrl.replace(/\/+$/, '');
    this.fetcher = target.fetch ?? fetch;
  }

  async send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { [this.target.token.header]: this.target.token.value };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    const response = await this.fetcher(`${this.base}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) {
      const text = await response.text();
      throw new Error(
        `GitLab ${method} ${path} answered ${String(response.status)}: ${text.slice(0, 200)}`,
      );
    }
    return response;
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.send(method, path, body);
    return (await response.json()) as T;
  }

  /** Follows `x-next-page` (GitLab's offset pagination), 100 per page. */
  async all<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    let page = '1';
    while (page !== '') {
      const separator = path.includes('?') ? '&' : '?';
      const response = await this.send('GET', `${path}${separator}per_page=100&page=${page}`);
      items.push(...((await response.json()) as T[]));
      page = response.headers.get('x-next-page') ?? '';
    }
    return items;
  }
}

/** Merge-request notes through the REST API v4 with plain fetch. */
export function createGitlabClient(target: GitlabTarget): ReviewClient {
  const api = new GitlabApi(target);
  const project = `/projects/${encodeURIComponent(target.project)}`;
  const mr = `${project}/merge_requests/${String(target.mergeRequest)}`;
  return {
    label: `${target.project}!${String(target.mergeRequest)}`,
    async listComments(): Promise<BotComment[]> {
      const notes = await api.all<Note>(`${mr}/notes?sort=asc&order_by=created_at`);
      return notes
        .filter((note) => note.system !== true)
        .map((note) => ({ id: note.id, body: note.body ?? '' }));
    },
    async createComment(body: string): Promise<BotComment> {
      const note = await api.json<Note>('POST', `${mr}/notes`, { body });
      return { id: note.id, body: note.body ?? body };
    },
    async updateComment(id: number, body: string): Promise<void> {
      await api.send('PUT', `${mr}/notes/${String(id)}`, { body });
    },
    async deleteComment(id: number): Promise<void> {
      await api.send('DELETE', `${mr}/notes/${String(id)}`);
    },
    async headSha(): Promise<string | null> {
      const request = await api.json<{ sha?: string | null }>('GET', mr);
      return request.sha ?? null;
    },
    async commits(): Promise<string[]> {
      const commits = await api.all<{ id: string }>(`${mr}/commits`);
      return commits.map((commit) => commit.id).reverse();
    },
    async setStatus(status): Promise<void> {
      await api.send('POST', `${project}/statuses/${encodeURIComponent(status.sha)}`, {
        state: status.state === 'success' ? 'success' : 'failed',
        name: status.context,
        description: statusDescription(status.description),
        ...(status.targetUrl === undefined ? {} : { target_url: status.targetUrl }),
      });
    },
  };
}
