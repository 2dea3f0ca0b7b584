import type { JsonValue } from '../model/json.js';
import type { ReportFieldChange } from '../impact/impact-report.js';
import { codeFence, truncate } from './markdown-text.js';

/** Longest value printed in a field diff; a whole added subtree is cut here. */
const MAX_VALUE = 200;
/** Fields printed per object; the rest are counted. */
const MAX_FIELDS = 40;

function valueText(value: JsonValue): string {
  return truncate(JSON.stringify(value), MAX_VALUE);
}

function pathText(path: string): string {
  return path.replace(/[\r\n]+/g, ' ');
}

function fieldLines(field: ReportFieldChange): string[] {
  const path = pathText(field.path === '' ? '(object)' : field.path);
  const lines: string[] = [];
  if (field.before !== undefined) {
    lines.push(`- ${path}: ${valueText(field.before)}`);
  }
  if (field.after !== undefined) {
    lines.push(`+ ${path}: ${valueText(field.after)}`);
  }
  return lines;
}

/**
 * A `diff` block (red/green on GitHub and GitLab): `- path: before` and `+ path: after`.
 * Values are compact JSON, so a string is quoted and `null` stays visible.
 */
export function renderFieldDiff(fields: readonly ReportFieldChange[]): string {
  const shown = fields.slice(0, MAX_FIELDS);
  const lines = shown.flatMap(fieldLines);
  const rest = fields.length - shown.length;
  if (rest > 0) {
    lines.push(`# … and ${String(rest)} more changed fields`);
  }
  return codeFence('diff', lines);
}
