/** A comment on a pull request (GitHub issue comment) or merge request (GitLab note). */
export interface BotComment {
  readonly id: number;
  readonly body: string;
}

export interface CommitStatus {
  readonly sha: string;
  readonly state: 'success' | 'failure';
  /** At most 140 characters (GitHub's limit). */
  readonly description: string;
  readonly context: string;
  readonly targetUrl?: string | undefined;
}

/** What the bot needs from a code-review forge; one implementation per provider. */
export interface ReviewClient {
  /** `owner/repo#12` or `group/project!12`, for messages. */
  readonly label: string;
  listComments(): Promise<BotComment[]>;
  createComment(body: string): Promise<BotComment>;
  updateComment(id: number, body: string): Promise<void>;
  deleteComment(id: number): Promise<void>;
  /** The pull request's current head commit. */
  headSha(): Promise<string | null>;
  /** The pull request's commits, oldest first. */
  commits(): Promise<string[]>;
  setStatus(status: CommitStatus): Promise<void>;
}

/** GitHub's limit on a commit status description. */
export const STATUS_DESCRIPTION_MAX = 140;

export function statusDescription(text: string): string {
  return text.length <= STATUS_DESCRIPTION_MAX
    ? text
    : `${text.slice(0, STATUS_DESCRIPTION_MAX - 1)}…`;
}
