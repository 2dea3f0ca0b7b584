/**
 * The hidden first line of every comment the bot writes: `<!-- meshlens:v1 env=prod sha=1a2b… -->`.
 * `v1` is the marker format (a later format must still recognise v1 comments), `env` tells the
 * comments of several environments on one PR apart, and `sha` is the head commit the comment was
 * computed for (the newer-run rule, newer-run-rule.ts). Values are URI-encoded so that no
 * environment name can end the HTML comment early.
 */
export const MARKER_VERSION = 1;

export interface CommentMarker {
  readonly env: string;
  /** null when the run did not know its commit. */
  readonly sha: string | null;
}

const UNKNOWN_SHA = 'unknown';
const MARKER_PATTERN = /^<!-- meshlens:v(\d+) env=(\S+)(?: sha=(\S+))? -->/;

export function formatMarker(marker: CommentMarker): string {
  const sha = marker.sha === null ? UNKNOWN_SHA : encodeURIComponent(marker.sha);
  return `<!-- meshlens:v${String(MARKER_VERSION)} env=${encodeURIComponent(marker.env)} sha=${sha} -->`;
}

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * The marker of a comment body, or null when the body is not ours. Only a marker at the very
 * start counts: a human quoting or pasting the bot's text elsewhere does not make it ours.
 */
export function parseMarker(body: string): CommentMarker | null {
  const match = MARKER_PATTERN.exec(body.trimStart());
  if (match === null) {
    return null;
  }
  const env = decode(match[2] ?? '');
  const rawSha = match[3];
  const sha = rawSha === undefined || rawSha === UNKNOWN_SHA ? null : decode(rawSha);
  return env === null ? null : { env, sha };
}

export function withMarker(marker: CommentMarker, markdown: string): string {
  return `${formatMarker(marker)}\n${markdown}`;
}
