import { parseMarker, withMarker, type CommentMarker } from './comment-marker.js';
import { decideOverwrite } from './newer-run-rule.js';
import type { BotComment, ReviewClient } from './review-client.js';

/**
 * - `upsert`: update the comment, or create it the first time;
 * - `update-only`: update an existing comment, never create one (`--skip-no-change`: an earlier
 *   comment that reported impact must not stay up once the PR has none);
 * - `delete`: remove the comment (`--delete-when-no-impact`).
 */
export type CommentMode = 'upsert' | 'update-only' | 'delete';

export interface CommentRequest {
  readonly marker: CommentMarker;
  readonly markdown: string;
  readonly mode: CommentMode;
}

export type CommentOutcome =
  'created' | 'updated' | 'unchanged' | 'deleted' | 'skipped-newer-run' | 'skipped-no-comment';

export interface CommentResult {
  readonly outcome: CommentOutcome;
  readonly commentId: number | null;
  readonly reason: string;
}

/** Our comments for this environment, oldest first (ids grow with time on both forges). */
function ownComments(comments: readonly BotComment[], env: string): BotComment[] {
  return comments
    .filter((comment) => parseMarker(comment.body)?.env === env)
    .sort((a, b) => a.id - b.id);
}

async function apply(
  client: ReviewClient,
  request: CommentRequest,
  existing: BotComment | undefined,
): Promise<CommentResult> {
  const body = withMarker(request.marker, request.markdown);
  if (request.mode === 'delete') {
    if (existing === undefined) {
      return { outcome: 'skipped-no-comment', commentId: null, reason: 'no comment to delete' };
    }
    await client.deleteComment(existing.id);
    return { outcome: 'deleted', commentId: existing.id, reason: 'the PR has no impact any more' };
  }
  if (existing === undefined) {
    const created = await client.createComment(body);
    return { outcome: 'created', commentId: created.id, reason: 'first run on this PR' };
  }
  if (existing.body === body) {
    return {
      outcome: 'unchanged',
      commentId: existing.id,
      reason: 'the comment already says this',
    };
  }
  await client.updateComment(existing.id, body);
  return { outcome: 'updated', commentId: existing.id, reason: 'updated in place' };
}

/**
 * Keeps one living comment per PR and environment: finds ours by its marker, applies the
 * newer-run rule, then creates, updates or deletes it. Duplicates (two first runs racing) are
 * removed once the newest has been written, so the thread converges to one comment.
 */
export async function syncImpactComment(
  client: ReviewClient,
  request: CommentRequest,
): Promise<CommentResult> {
  const ours = ownComments(await client.listComments(), request.marker.env);
  const existing = ours[ours.length - 1];
  if (existing === undefined && request.mode !== 'upsert') {
    return { outcome: 'skipped-no-comment', commentId: null, reason: 'no earlier comment' };
  }
  const decision = await decideOverwrite({
    ours: request.marker.sha,
    existing: existing === undefined ? undefined : (parseMarker(existing.body)?.sha ?? null),
    head: request.marker.sha === null ? null : await client.headSha(),
    commits: () => client.commits(),
  });
  if (!decision.write) {
    return {
      outcome: 'skipped-newer-run',
      commentId: existing?.id ?? null,
      reason: decision.reason,
    };
  }
  const result = await apply(client, request, existing);
  for (const duplicate of ours.slice(0, -1)) {
    await client.deleteComment(duplicate.id);
  }
  return result;
}
