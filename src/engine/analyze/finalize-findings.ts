import type { Resource, ResourceKey } from '../model/resource.js';
import { resourceId } from '../model/resource.js';
import type { Finding, FindingLevel } from '../rules/finding.js';
import type { FieldLocator } from './analyze-options.js';
import { applyValidationSettings } from './validation-settings.js';

export function applyLevelOverrides(
  findings: readonly Finding[],
  overrides: Readonly<Record<string, FindingLevel>>,
): Finding[] {
  if (Object.keys(overrides).length === 0) {
    return [...findings];
  }
  return applyValidationSettings(findings, { disabledCodes: [], levelOverrides: overrides });
}

/**
 * Lines are filled only for findings (the fast path never locates): the exact field line when a
 * locator is given, else the first line of the object's document.
 */
export function attachLines(
  findings: readonly Finding[],
  lookup: (key: ResourceKey) => Resource | undefined,
  locate: FieldLocator | undefined,
): Finding[] {
  return findings.map((finding) => {
    const resource = lookup(finding.resourceKey);
    if (resource?.source === undefined) {
      return finding;
    }
    const line = locate?.(resource, finding.path) ?? resource.source.line;
    return { ...finding, line };
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortKey(f: Finding): readonly string[] {
  return [resourceId(f.resourceKey), f.code, f.path, f.message];
}

/** Sorted by (resource, code, path, message) with exact duplicates removed. */
export function sortAndDedupe(findings: readonly Finding[]): Finding[] {
  const keyed = findings.map((f) => ({ f, key: sortKey(f) }));
  keyed.sort((x, y) => {
    for (let i = 0; i < x.key.length; i++) {
      const c = compare(x.key[i] ?? '', y.key[i] ?? '');
      if (c !== 0) {
        return c;
      }
    }
    return 0;
  });
  const out: Finding[] = [];
  let previous = '';
  for (const { f, key } of keyed) {
    const joined = key.join('\u0000');
    if (joined !== previous) {
      out.push(f);
      previous = joined;
    }
  }
  return out;
}
