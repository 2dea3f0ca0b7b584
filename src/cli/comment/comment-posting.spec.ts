import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as engine from '../../engine/index.js';
import type { ImpactReport } from '../../engine/index.js';
import { SCENARIOS_DIR } from '../../../test/support/engine-fixtures.js';
import { readSourceFiles } from '../read-source-files.js';
import { runComment, type CommentDeps, type CommentOptions } from './run-comment.js';

/**
 * issue 6 "Proof": the bot posts to a local HTTP server started here, which answers the GitHub
 * and GitLab endpoints the bot uses and records every request. Reports come from the real
 * offline pipeline (shared Bookinfo scenarios) unless a test needs a report no manifest gives.
 */

const A = 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1';
const B = 'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2';
const C = 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3';
const D = 'd4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4';

interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

type Answer = [status: number, json?: unknown, headers?: Record<string, string>];
type Route = [
  method: string,
  path: RegExp,
  handle: (match: RegExpExecArray, url: URL, body: string) => Answer,
];

interface StoredComment {
  id: number;
  body: string;
  system?: boolean;
}

/** GitHub (under `githubPrefix`) and GitLab (`/api/v4`) for repo acme/mesh, PR/MR 7, project 42. */
class FakeForge {
  readonly requests: Recorded[] = [];
  comments: StoredComment[] = [];
  statuses: { sha: string; body: Record<string, unknown> }[] = [];
  head = C;
  /** Oldest first. */
  commits = [A, B, C];
  failWrites = false;
  impactReport: ImpactReport | null = null;
  githubPrefix = '';
  private nextId = 1000;
  private server: Server | null = null;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.receive(req, res);
    });
    await new Promise<void>((resolve) => {
      this.server?.listen(0, '127.0.0.1', resolve);
    });
    this.url = `http://127.0.0.1:${String((this.server.address() as AddressInfo).port)}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.close(() => {
        resolve();
      });
    });
  }

  reset(): void {
    this.requests.length = 0;
    this.comments = [];
    this.statuses = [];
    this.head = C;
    this.commits = [A, B, C];
    this.failWrites = false;
    this.impactReport = null;
    this.githubPrefix = '';
  }

  seed(body: string, extra: Partial<StoredComment> = {}): number {
    const id = this.nextId++;
    this.comments.push({ id, body, ...extra });
    return id;
  }

  writes(): Recorded[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  private async receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
    }
    const body = Buffer.concat(chunks).toString('utf8');
    const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
    this.requests.push(recorded);
    const url = new URL(recorded.url, this.url);
    const [status, json, headers] =
      this.failWrites && recorded.method !== 'GET'
        ? ([500, { message: 'boom' }] as Answer)
        : this.route(recorded.method, url, body, req.headers);
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(json === undefined ? '' : JSON.stringify(json));
  }

  /** The answer of a route: status, JSON body, extra headers. */
  private routes(): Route[] {
    const gh = `${this.githubPrefix}/repos/acme/mesh`;
    const gl = '/api/v4/projects/42';
    const created = (body: string): [number, unknown] => {
      const text = (JSON.parse(body) as { body: string }).body;
      return [201, { id: this.seed(text), body: text }];
    };
    const status = (sha: string, body: string): [number, unknown] => {
      this.statuses.push({ sha, body: JSON.parse(body) as Record<string, unknown> });
      return [201, { id: 1 }];
    };
    return [
      ['GET', new RegExp(`^${gh}/issues/7/comments$`), (_m, url) => this.list(url, 'link')],
      ['POST', new RegExp(`^${gh}/issues/7/comments$`), (_m, _u, body) => created(body)],
      ['PATCH', new RegExp(`^${gh}/issues/comments/(\\d+)$`), (m, _u, body) => this.edit(m, body)],
      ['DELETE', new RegExp(`^${gh}/issues/comments/(\\d+)$`), (m) => this.remove(m)],
      ['GET', new RegExp(`^${gh}/pulls/7$`), () => [200, { number: 7, head: { sha: this.head } }]],
      [
        'GET',
        new RegExp(`^${gh}/pulls/7/commits$`),
        () => [200, this.commits.map((sha) => ({ sha }))],
      ],
      ['POST', new RegExp(`^${gh}/statuses/(\\w+)$`), (m, _u, body) => status(m[1]!, body)],
      [
        'GET',
        new RegExp(`^${gl}/merge_requests/7/notes$`),
        (_m, url) => this.list(url, 'x-next-page'),
      ],
      ['POST', new RegExp(`^${gl}/merge_requests/7/notes$`), (_m, _u, body) => created(body)],
      [
        'PUT',
        new RegExp(`^${gl}/merge_requests/7/notes/(\\d+)$`),
        (m, _u, body) => this.edit(m, body),
      ],
      ['DELETE', new RegExp(`^${gl}/merge_requests/7/notes/(\\d+)$`), (m) => this.remove(m)],
      ['GET', new RegExp(`^${gl}/merge_requests/7$`), () => [200, { iid: 7, sha: this.head }]],
      [
        'GET',
        new RegExp(`^${gl}/merge_requests/7/commits$`),
        () => [200, [...this.commits].reverse().map((id) => ({ id })), { 'x-next-page': '' }],
      ],
      ['POST', new RegExp(`^${gl}/statuses/(\\w+)$`), (m, _u, body) => status(m[1]!, body)],
      ['POST', /^\/api\/v1\/environments\/prod\/impact$/, () => this.impact()],
    ];
  }

  private route(method: string, url: URL, body: string, headers: IncomingHttpHeaders): Answer {
    const gitlab = url.pathname.startsWith('/api/v4/');
    const meshlens = url.pathname.startsWith('/api/v1/');
    const authorised = gitlab
      ? headers['private-token'] !== undefined || headers['job-token'] !== undefined
      : meshlens || headers.authorization !== undefined;
    if (!authorised) {
      return [401, { message: 'Unauthorized' }];
    }
    for (const [verb, pattern, handle] of this.routes()) {
      const match = pattern.exec(url.pathname);
      if (verb === method && match !== null) {
        return handle(match, url, body);
      }
    }
    return [404, { message: `no route ${method} ${url.pathname}` }];
  }

  /** One page of the comments; the next page in a `link` header (GitHub) or `x-next-page` (GitLab). */
  private list(url: URL, style: 'link' | 'x-next-page'): Answer {
    const perPage = Number(url.searchParams.get('per_page') ?? '30');
    const page = Number(url.searchParams.get('page') ?? '1');
    const slice = this.comments.slice((page - 1) * perPage, page * perPage);
    const next = page * perPage < this.comments.length ? page + 1 : null;
    if (style === 'x-next-page') {
      return [200, slice, { 'x-next-page': next === null ? '' : String(next) }];
    }
    const link = `<${this.url}${url.pathname}?per_page=${String(perPage)}&page=${String(next)}>; rel="next"`;
    return [200, slice.map(({ id, body }) => ({ id, body })), next === null ? {} : { link }];
  }

  private impact(): Answer {
    return this.impactReport === null
      ? [404, { error: { code: 'ENVIRONMENT_NOT_FOUND', message: 'no such environment' } }]
      : [200, this.impactReport];
  }

  private edit(match: RegExpExecArray, body: string): Answer {
    const comment = this.comments.find((c) => c.id === Number(match[1]));
    if (comment === undefined) {
      return [404, { message: 'Not Found' }];
    }
    comment.body = (JSON.parse(body) as { body: string }).body;
    return [200, { id: comment.id, body: comment.body }];
  }

  private remove(match: RegExpExecArray): Answer {
    this.comments = this.comments.filter((c) => c.id !== Number(match[1]));
    return [204];
  }
}

const forge = new FakeForge();
const work = mkdtempSync(join(tmpdir(), 'meshlens-comment-'));

beforeAll(async () => {
  await forge.start();
});

afterAll(async () => {
  await forge.stop();
});

afterEach(() => {
  forge.reset();
});

function scenario(name: string, side: 'before' | 'after'): string {
  return join(SCENARIOS_DIR, name, side);
}

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function githubEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { GITHUB_TOKEN: 'gh-test-token', GITHUB_API_URL: forge.url, ...extra };
}

function gitlabEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    GITLAB_CI: 'true',
    CI_API_V4_URL: `${forge.url}/api/v4`,
    CI_PROJECT_ID: '42',
    CI_MERGE_REQUEST_IID: '7',
    GITLAB_TOKEN: 'gl-test-token',
    ...extra,
  };
}

async function comment(
  flags: Partial<CommentOptions>,
  env: Record<string, string>,
  report?: ImpactReport,
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const deps: CommentDeps = {
    env,
    readFiles: (paths) => readSourceFiles(paths),
    readText: (path) => Promise.resolve(readFileSync(path, 'utf8')),
    appendText: (path, text) => {
      writeFileSync(path, text, { flag: 'a' });
      return Promise.resolve();
    },
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    ...(report === undefined ? {} : { computeImpact: () => Promise.resolve(report) }),
  };
  const options: CommentOptions = {
    after: [scenario('02-blue-green-flip', 'after')],
    before: [scenario('02-blue-green-flip', 'before')],
    env: 'prod',
    repo: 'acme/mesh',
    pr: '7',
    skipNoChange: false,
    deleteWhenNoImpact: false,
    status: false,
    format: 'markdown',
    namespace: 'default',
    dryRun: false,
    ...flags,
  };
  const code = await runComment(options, deps);
  return { code, stdout, stderr };
}

const bodyOf = (request: Recorded): string => (JSON.parse(request.body) as { body: string }).body;

describe('meshlens comment on GitHub', () => {
  it('the first run creates the comment, the next push updates the same comment in place', async () => {
    const first = await comment({ headSha: C }, githubEnv());
    expect(first.code).toBe(1);
    expect(forge.writes().map((r) => r.method)).toEqual(['POST']);
    expect(forge.comments).toHaveLength(1);
    const id = forge.comments[0]!.id;
    expect(forge.comments[0]!.body.split('\n')[0]).toBe(`<!-- meshlens:v1 env=prod sha=${C} -->`);

    forge.head = D;
    forge.commits = [A, B, C, D];
    forge.requests.length = 0;
    const second = await comment({ headSha: D }, githubEnv());
    expect(second.code).toBe(1);
    expect(forge.writes().map((r) => `${r.method} ${r.url}`)).toEqual([
      `PATCH /repos/acme/mesh/issues/comments/${String(id)}`,
    ]);
    expect(forge.comments).toHaveLength(1);
    expect(forge.comments[0]!.body.split('\n')[0]).toBe(`<!-- meshlens:v1 env=prod sha=${D} -->`);
    expect(forge.comments[0]!.body.split('\n')[1]).toMatch(/^\*\*meshlens · prod: high risk\*\*/);
  });

  it('re-running the same commit with the same result writes nothing', async () => {
    await comment({ headSha: C }, githubEnv());
    forge.requests.length = 0;
    const again = await comment({ headSha: C }, githubEnv());
    expect(again.stderr).toContain('unchanged');
    expect(forge.writes()).toEqual([]);
  });

  it('a run for an older SHA does not overwrite the comment of the newer head', async () => {
    await comment({ headSha: C }, githubEnv());
    const newer = forge.comments[0]!.body;
    forge.requests.length = 0;
    const stale = await comment(
      {
        headSha: A,
        before: [scenario('01-canary-10-percent', 'before')],
        after: [scenario('01-canary-10-percent', 'after')],
      },
      githubEnv(),
    );
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('skipped-newer-run');
    expect(forge.writes()).toEqual([]);
    expect(forge.comments[0]!.body).toBe(newer);
  });

  it('a stale run replaces a comment made for an even older commit', async () => {
    forge.seed(`<!-- meshlens:v1 env=prod sha=${A} -->\nold`);
    await comment({ headSha: B }, githubEnv());
    expect(forge.writes().map((r) => r.method)).toEqual(['PATCH']);
    expect(forge.comments[0]!.body).toContain(`sha=${B}`);
  });

  it('a huge change stays under the 60,000-character budget and keeps the verdict', async () => {
    const workloads = Array.from({ length: 15_000 }, (_, i) => ({
      workload: `team-${String(i % 40)}/service-${String(i)}`,
      kind: 'Deployment',
      reason: 'subset v1 of the service selects no pod',
    }));
    const huge = { ...hugeBase(), unreachableWorkloads: workloads };
    const run = await comment(
      { headSha: C },
      githubEnv({
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'acme/mesh',
        GITHUB_RUN_ID: '99',
        GITHUB_STEP_SUMMARY: join(work, 'summary-huge.md'),
      }),
      huge,
    );
    expect(run.code).toBe(1);
    const posted = bodyOf(forge.writes()[0]!);
    expect(posted.length).toBeLessThanOrEqual(60_000 + 80);
    const [marker, verdict] = posted.split('\n');
    expect(marker).toBe(`<!-- meshlens:v1 env=prod sha=${C} -->`);
    expect(verdict).toContain('high risk** — 15000 workloads unreachable');
    expect(posted).toContain('[Full report](https://github.com/acme/mesh/actions/runs/99)');
    expect(readFileSync(join(work, 'summary-huge.md'), 'utf8').length).toBeGreaterThan(60_000);
  });

  it('honours GITHUB_API_URL as a GitHub Enterprise base URL', async () => {
    forge.githubPrefix = '/api/v3';
    const run = await comment(
      { headSha: C, status: true },
      githubEnv({ GITHUB_API_URL: `${forge.url}/api/v3` }),
    );
    expect(run.code).toBe(1);
    expect(forge.requests.length).toBeGreaterThanOrEqual(3);
    for (const request of forge.requests) {
      expect(request.url.startsWith('/api/v3/repos/acme/mesh/')).toBe(true);
    }
    expect(forge.comments).toHaveLength(1);
    expect(forge.statuses).toHaveLength(1);
  });

  it('--status sets a commit status with the verdict; --fail-on makes it a failure and exits 3', async () => {
    const ok = await comment({ headSha: C, status: true }, githubEnv());
    expect(ok.code).toBe(1);
    expect(forge.statuses[0]?.sha).toBe(C);
    expect(forge.statuses[0]?.body).toMatchObject({ state: 'success', context: 'meshlens/prod' });
    expect(forge.statuses[0]?.body['description']).toMatch(/^high risk: 1 workload unreachable/);
    const failing = await comment({ headSha: C, status: true, failOn: 'high' }, githubEnv());
    expect(failing.code).toBe(3);
    expect(forge.statuses[1]?.body).toEqual(expect.objectContaining({ state: 'failure' }));
  });

  it('--delete-when-no-impact deletes the comment once the PR has no impact', async () => {
    const id = forge.seed(`<!-- meshlens:v1 env=prod sha=${B} -->\nearlier impact`);
    const same = [scenario('02-blue-green-flip', 'before')];
    const run = await comment(
      { headSha: C, before: same, after: same, deleteWhenNoImpact: true },
      githubEnv(),
    );
    expect(run.code).toBe(0);
    expect(forge.writes().map((r) => `${r.method} ${r.url}`)).toEqual([
      `DELETE /repos/acme/mesh/issues/comments/${String(id)}`,
    ]);
    expect(forge.comments).toEqual([]);
  });

  it('--skip-no-change posts nothing for a PR without changes, but corrects an earlier comment', async () => {
    const same = [scenario('02-blue-green-flip', 'before')];
    const first = await comment(
      { headSha: C, before: same, after: same, skipNoChange: true },
      githubEnv(),
    );
    expect(first.code).toBe(0);
    expect(forge.writes()).toEqual([]);
    forge.seed(`<!-- meshlens:v1 env=prod sha=${B} -->\nearlier impact`);
    await comment({ headSha: C, before: same, after: same, skipNoChange: true }, githubEnv());
    expect(forge.writes().map((r) => r.method)).toEqual(['PATCH']);
    expect(forge.comments[0]!.body).toContain('no change');
  });

  it('leaves other environments and human comments alone, and removes its own duplicates', async () => {
    const human = forge.seed(`LGTM <!-- meshlens:v1 env=prod sha=${A} -->`);
    const staging = forge.seed(`<!-- meshlens:v1 env=staging sha=${A} -->\nstaging`);
    const older = forge.seed(`<!-- meshlens:v1 env=prod sha=${B} -->\nrace 1`);
    const newer = forge.seed(`<!-- meshlens:v1 env=prod sha=${B} -->\nrace 2`);
    await comment({ headSha: C }, githubEnv());
    expect(forge.writes().map((r) => `${r.method} ${r.url}`)).toEqual([
      `PATCH /repos/acme/mesh/issues/comments/${String(newer)}`,
      `DELETE /repos/acme/mesh/issues/comments/${String(older)}`,
    ]);
    expect(forge.comments.map((c) => c.id)).toEqual([human, staging, newer]);
  });

  it('finds its comment on a later page of a long thread', async () => {
    for (let i = 0; i < 130; i += 1) {
      forge.seed(`comment ${String(i)}`);
    }
    const ours = forge.seed(`<!-- meshlens:v1 env=prod sha=${B} -->\nold`);
    await comment({ headSha: C }, githubEnv());
    expect(forge.writes().map((r) => r.url)).toEqual([
      `/repos/acme/mesh/issues/comments/${String(ours)}`,
    ]);
  });

  it('reads the PR number and head from the pull_request event when flags are absent', async () => {
    const event = join(work, 'event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { number: 7, head: { sha: C } } }));
    const run = await comment(
      { repo: undefined, pr: undefined },
      githubEnv({ GITHUB_REPOSITORY: 'acme/mesh', GITHUB_EVENT_PATH: event }),
    );
    expect(run.code).toBe(1);
    expect(forge.comments[0]!.body).toContain(`sha=${C}`);
  });

  it('exits 2 when the forge refuses the write, and when no token is set', async () => {
    forge.failWrites = true;
    const refused = await comment({ headSha: C }, githubEnv());
    expect(refused.code).toBe(2);
    forge.requests.length = 0;
    const noToken = await comment({ headSha: C }, { GITHUB_API_URL: forge.url });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('GITHUB_TOKEN is not set');
    expect(forge.requests).toEqual([]);
  });
});

describe("a Secret's value never leaves the process", () => {
  const PLAIN = 'hunter2-meshlens-canary';
  const ENCODED = Buffer.from('s3cr3t-base64-canary').toString('base64');
  const DECODED = 's3cr3t-base64-canary';

  function secretYaml(plain: string, encoded: string, rotation: string): string {
    return [
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: db-credentials',
      '  namespace: default',
      '  labels:',
      `    rotation: "${rotation}"`,
      'type: Opaque',
      'data:',
      `  password: ${encoded}`,
      'stringData:',
      `  token: ${plain}`,
      '',
    ].join('\n');
  }

  /** The values are stripped at parse time, so the label makes the Secret a changed object. */
  function manifests(side: 'before' | 'after', plain: string, encoded: string): string {
    const dir = join(work, `secret-${side}`);
    mkdirSync(dir, { recursive: true });
    cpSync(scenario('02-blue-green-flip', side), dir, { recursive: true });
    writeFileSync(join(dir, '90-secret.yaml'), secretYaml(plain, encoded, side));
    return dir;
  }

  function leaks(text: string): string[] {
    return [PLAIN, ENCODED, DECODED].filter((needle) => text.includes(needle));
  }

  it('through the real pipeline: comment, status, step summary and every output format', async () => {
    const before = manifests('before', 'old-plain-value', Buffer.from('old').toString('base64'));
    const after = manifests('after', PLAIN, ENCODED);
    const summary = join(work, 'summary-secret.md');
    const outputs: string[] = [];
    for (const format of ['markdown', 'json'] as const) {
      const run = await comment(
        { headSha: C, before: [before], after: [after], status: true, format },
        githubEnv({ GITHUB_STEP_SUMMARY: summary }),
      );
      expect(run.code).toBe(1);
      outputs.push(run.stdout, run.stderr);
    }
    expect(forge.comments[0]!.body).toContain('**Secret** `db-credentials`');
    for (const request of forge.requests) {
      expect(
        leaks(`${request.url}\n${JSON.stringify(request.headers)}\n${request.body}`),
        `${request.method} ${request.url}`,
      ).toEqual([]);
    }
    expect(leaks(readFileSync(summary, 'utf8'))).toEqual([]);
    expect(leaks(outputs.join('\n'))).toEqual([]);
  });

  it('even when a report carries Secret values (defence in depth)', async () => {
    const report: ImpactReport = {
      ...hugeBase(),
      resources: [
        {
          apiVersion: 'v1',
          kind: 'Secret',
          namespace: 'default',
          name: 'db-credentials',
          change: 'modified',
          fields: [
            { path: 'data.password', before: 'b2xk', after: ENCODED },
            { path: 'stringData.token', after: PLAIN },
          ],
        },
      ],
      findings: {
        introduced: [
          {
            code: 'MESH0100',
            level: 'Error',
            resource: { kind: 'Secret', namespace: 'default', name: 'db-credentials' },
            path: 'data.password',
            message: `bad value ${PLAIN}`,
          },
        ],
        resolved: [],
      },
    };
    const summary = join(work, 'summary-secret-2.md');
    const outputs: string[] = [];
    for (const format of ['markdown', 'json'] as const) {
      const run = await comment(
        { headSha: C, status: true, format },
        githubEnv({ GITHUB_STEP_SUMMARY: summary }),
        report,
      );
      outputs.push(run.stdout, run.stderr);
    }
    expect(forge.writes().length).toBeGreaterThanOrEqual(3);
    for (const request of forge.requests) {
      expect(leaks(`${request.url}\n${JSON.stringify(request.headers)}\n${request.body}`)).toEqual(
        [],
      );
    }
    expect(leaks(readFileSync(summary, 'utf8'))).toEqual([]);
    expect(leaks(outputs.join('\n'))).toEqual([]);
  });
});

describe('meshlens comment on GitLab', () => {
  it('creates, then updates, the merge-request note with PRIVATE-TOKEN, reading the head from the MR', async () => {
    const first = await comment({ repo: undefined, pr: undefined, headSha: C }, gitlabEnv());
    expect(first.code).toBe(1);
    expect(forge.writes().map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /api/v4/projects/42/merge_requests/7/notes',
    ]);
    expect(forge.requests.every((r) => r.headers['private-token'] === 'gl-test-token')).toBe(true);
    const id = forge.comments[0]!.id;
    forge.head = D;
    forge.commits = [A, B, C, D];
    forge.requests.length = 0;
    await comment(
      { repo: undefined, pr: undefined },
      gitlabEnv({ CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: D }),
    );
    expect(forge.writes().map((r) => `${r.method} ${r.url}`)).toEqual([
      `PUT /api/v4/projects/42/merge_requests/7/notes/${String(id)}`,
    ]);
    expect(forge.comments[0]!.body).toContain(`sha=${D}`);
  });

  it('sends CI_JOB_TOKEN as JOB-TOKEN when GITLAB_TOKEN is absent', async () => {
    const env = gitlabEnv({ CI_JOB_TOKEN: 'job-token', CI_COMMIT_SHA: C });
    delete env['GITLAB_TOKEN'];
    await comment({ repo: undefined, pr: undefined }, env);
    expect(forge.requests.length).toBeGreaterThan(0);
    expect(
      forge.requests.every(
        (r) => r.headers['job-token'] === 'job-token' && r.headers['private-token'] === undefined,
      ),
    ).toBe(true);
  });

  it('an older pipeline does not overwrite; one newer than the comment does (MR commits come newest first)', async () => {
    forge.seed(`<!-- meshlens:v1 env=prod sha=${B} -->\nfor B`);
    await comment({ repo: undefined, pr: undefined, headSha: A }, gitlabEnv());
    expect(forge.writes()).toEqual([]);
    forge.comments[0]!.body = `<!-- meshlens:v1 env=prod sha=${A} -->\nfor A`;
    await comment({ repo: undefined, pr: undefined, headSha: B }, gitlabEnv());
    expect(forge.writes().map((r) => r.method)).toEqual(['PUT']);
    expect(forge.comments[0]!.body).toContain(`sha=${B}`);
  });

  it('skips system notes and follows x-next-page', async () => {
    for (let i = 0; i < 120; i += 1) {
      forge.seed(`<!-- meshlens:v1 env=prod sha=${B} -->`, { system: true });
    }
    const ours = forge.seed(`<!-- meshlens:v1 env=prod sha=${B} -->\nold`);
    await comment({ repo: undefined, pr: undefined, headSha: C, status: true }, gitlabEnv());
    expect(forge.writes().map((r) => r.url)).toEqual([
      `/api/v4/projects/42/merge_requests/7/notes/${String(ours)}`,
      `/api/v4/projects/42/statuses/${C}`,
    ]);
    expect(forge.statuses[0]?.body).toEqual(
      expect.objectContaining({ state: 'success', name: 'meshlens/prod' }),
    );
  });
});

describe('meshlens comment against a server, and its outputs', () => {
  it('--server posts the manifests to the impact endpoint and comments on its report', async () => {
    forge.impactReport = {
      ...hugeBase(),
      base: { environment: 'prod', version: 41 },
      target: { source: 'pr' },
    };
    const run = await comment(
      { before: undefined, server: forge.url, base: '41', headSha: C },
      githubEnv({ MESHLENS_TOKEN: 'ml-token' }),
    );
    expect(run.code).toBe(1);
    const impact = forge.requests.find((r) => r.url.startsWith('/api/v1/'))!;
    expect(impact.method).toBe('POST');
    expect(impact.url).toBe('/api/v1/environments/prod/impact?base=41');
    expect(impact.headers.authorization).toBe('Bearer ml-token');
    expect(impact.body).toContain('40-virtual-services.yaml');
    expect(forge.comments[0]!.body).toContain('(prod v41 → c3c3c3c)');
  });

  it('exits 2 and posts nothing when the server refuses', async () => {
    const run = await comment(
      { before: undefined, server: forge.url, env: 'nowhere', headSha: C },
      githubEnv(),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('impact request failed (404)');
    expect(forge.writes().filter((r) => !r.url.startsWith('/api/v1/'))).toEqual([]);
  });

  it('exit codes follow meshlens impact: 0 no change, 1 changes, 3 at --fail-on, 2 on bad flags', async () => {
    const same = [scenario('02-blue-green-flip', 'before')];
    expect((await comment({ dryRun: true, before: same, after: same }, {})).code).toBe(0);
    expect((await comment({ dryRun: true }, {})).code).toBe(1);
    expect((await comment({ dryRun: true, failOn: 'high' }, {})).code).toBe(3);
    expect((await comment({ dryRun: true, failOn: 'error' }, {})).code).toBe(1);
    expect((await comment({ dryRun: true, server: forge.url }, {})).code).toBe(2);
    expect(forge.requests).toEqual([]);
  });

  it('--format json prints the contract report', async () => {
    const run = await comment({ dryRun: true, format: 'json' }, {});
    const report = JSON.parse(run.stdout) as ImpactReport;
    expect(report.schemaVersion).toBe(1);
    expect(report.unreachableWorkloads.map((w) => w.workload)).toEqual(['default/reviews-v1']);
  });

  // The SARIF writer is `meshlens analyze`'s (src/cli/analyze-output/format-sarif.ts); it reads the
  // rule catalog through src/engine/index.ts, which exports it once the analyze command is wired.
  const sarifWriterWired =
    typeof (engine as Record<string, unknown>)['catalogEntries'] === 'function';
  it.skipIf(!sarifWriterWired)(
    '--format sarif prints the introduced findings as SARIF 2.1.0 located in the after files (skipped until src/engine/index.ts exports catalogEntries)',
    async () => {
      const run = await comment(
        {
          dryRun: true,
          format: 'sarif',
          before: [scenario('09-service-deleted', 'before')],
          after: [scenario('09-service-deleted', 'after')],
        },
        {},
      );
      const sarif = JSON.parse(run.stdout) as {
        version: string;
        runs: {
          results: {
            ruleId: string;
            locations: { physicalLocation?: { artifactLocation: { uri: string } } }[];
          }[];
        }[];
      };
      expect(sarif.version).toBe('2.1.0');
      const results = sarif.runs[0]!.results;
      expect(results.map((r) => r.ruleId)).toContain('MESH1101');
      expect(results[0]!.locations[0]!.physicalLocation?.artifactLocation.uri).toMatch(
        /after\/40-virtual-services\.yaml$|after\/30-destination-rules\.yaml$/,
      );
    },
  );

  it('writes the Markdown to $GITHUB_STEP_SUMMARY', async () => {
    const summary = join(work, 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    await comment({ dryRun: true }, { GITHUB_STEP_SUMMARY: summary });
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('# earlier step\n**meshlens · prod: high risk**')).toBe(true);
  });
});

/** A report with traffic impact (risk high), for tests that need one no manifest produces. */
function hugeBase(): ImpactReport {
  return {
    schemaVersion: 1,
    base: { source: 'before' },
    target: { source: 'after' },
    summary: {
      risk: 'high',
      resourcesChanged: 1,
      hostsChanged: 0,
      routesChanged: 0,
      workloadsUnreachable: 15_000,
      workloadsNewlyReachable: 0,
      exposuresLost: 0,
      exposuresGained: 0,
      findingsIntroduced: 0,
      findingsResolved: 0,
    },
    resources: [],
    hosts: [],
    routes: [],
    reachability: { lost: [], gained: [] },
    unreachableWorkloads: [
      { workload: 'default/reviews-v1', kind: 'Deployment', reason: 'no route' },
    ],
    newlyReachableWorkloads: [],
    exposures: { lost: [], gained: [] },
    findings: { introduced: [], resolved: [] },
    notes: [],
  };
}
