/**
 * Text helpers for Markdown that GitHub and GitLab both render the same way. Everything that
 * comes from manifests (names, hosts, messages) goes through one of these, so a value can never
 * open a tag, break a table, or @-mention someone.
 */

/** Free text in a paragraph or list item: no HTML, no emphasis, no links, no mentions. */
export function escapeText(text: string): string {
  return oneLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/@/g, '&#64;');
}

/** Text inside an HTML element such as `<summary>`. */
export function escapeHtml(text: string): string {
  return oneLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/@/g, '&#64;');
}

/** A code span that survives backticks in its content (CommonMark §6.1). */
export function inlineCode(text: string): string {
  const content = oneLine(text);
  const longest = longestRun(content, '`');
  const fence = '`'.repeat(longest + 1);
  const pad = content.startsWith('`') || content.endsWith('`') || content === '' ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/** A code span inside a table cell: `|` must be escaped even there on GitHub and GitLab. */
export function tableCode(text: string): string {
  return inlineCode(text).replace(/\|/g, '\\|');
}

/** A fenced block whose fence is longer than any backtick run of its content. */
export function codeFence(info: string, lines: readonly string[]): string {
  const longest = Math.max(0, ...lines.map((line) => longestRun(line, '`')));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}${info}`, ...lines, fence].join('\n');
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** `90%`, `33.33%`: at most two decimals, no locale. */
export function formatPercent(value: number): string {
  return `${String(Number(value.toFixed(2)))}%`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${String(count)} ${count === 1 ? singular : pluralForm}`;
}

/** The first 7 characters of a full commit hash; anything else shortened to 12. */
export function shortSha(sha: string): string {
  return /^[0-9a-f]{40}$/i.test(sha) ? sha.slice(0, 7) : truncate(sha, 12);
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ');
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}
