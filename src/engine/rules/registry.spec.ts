import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resourceId } from '../model/resource.js';
import { catalogEntries, CATALOG, type MessageName } from './catalog.js';
import { isDeclared } from './kinds.js';
import { RULES } from './registry.js';
import { loadFixture } from './testing/load-fixture.js';
import { runRule } from './testing/run-rule.js';

const RULES_DIR = dirname(fileURLToPath(import.meta.url));

function ruleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === '__fixtures__' ? [] : ruleFiles(full);
    }
    return entry.name.endsWith('.rule.ts') ? [relative(RULES_DIR, full)] : [];
  });
}

function fixtureDir(ruleId: string): string {
  const [kind, name] = ruleId.split('/');
  return join(RULES_DIR, kind ?? '', '__fixtures__', name ?? '');
}

function fixtures(ruleId: string): string[] {
  const dir = fixtureDir(ruleId);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
    : [];
}

function countBy(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) {
    out[v] = (out[v] ?? 0) + 1;
  }
  return out;
}

const emitted = new Set<string>();

describe('rule registry (meta-tests, STYLE §5)', () => {
  it('ids are unique, sorted, and equal the rule file paths', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(
      ruleFiles(RULES_DIR)
        .map((f) => f.replace(/\.rule\.ts$/, ''))
        .sort(),
    ).toEqual([...ids].sort());
  });

  it('every rule has a description, declared inputs and catalog messages', () => {
    for (const rule of RULES) {
      expect(rule.description.trim(), rule.id).not.toBe('');
      expect(rule.inputs.length, rule.id).toBeGreaterThan(0);
      expect(rule.messages.length, rule.id).toBeGreaterThan(0);
    }
  });

  it('every rule has at least one ok and one bad fixture', () => {
    for (const rule of RULES) {
      const names = fixtures(rule.id);
      expect(
        names.some((n) => n.startsWith('ok-')),
        `${rule.id} ok fixture`,
      ).toBe(true);
      expect(
        names.some((n) => n.startsWith('bad-')),
        `${rule.id} bad fixture`,
      ).toBe(true);
    }
  });

  describe.each(RULES.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
    it.each(fixtures(rule.id))('%s: findings match the # expect comments', (fixture) => {
      const text = readFileSync(join(fixtureDir(rule.id), fixture), 'utf8');
      const { resources, expectations } = loadFixture(text, fixture);
      const run = runRule(rule, resources);
      const actual = run.findings.map((f) => `${resourceId(f.resourceKey)} ${f.code}`);
      const wanted = expectations.flatMap((e) =>
        e.codes.map((c) => `${resourceId(e.resource.key)} ${c}`),
      );
      expect(countBy(actual)).toEqual(countBy(wanted));
      if (fixture.startsWith('ok-')) {
        expect(actual).toEqual([]);
      }
      for (const finding of run.findings) {
        emitted.add(finding.code);
        const allowed = rule.messages.map((m: MessageName) => CATALOG[m].code);
        expect(allowed, `${rule.id} reported ${finding.code} without declaring it`).toContain(
          finding.code,
        );
      }
      for (const kind of run.read) {
        expect(isDeclared(rule.inputs, kind), `${rule.id} reads ${kind}`).toBe(true);
      }
    });
  });

  it('every catalog code is emitted by some fixture', () => {
    const codes = catalogEntries().map(([, spec]) => spec.code);
    expect(codes.filter((c) => !emitted.has(c))).toEqual([]);
  });

  it('catalog codes are unique, in their family range and kept in order', () => {
    const entries = Object.values(CATALOG).map((spec) => spec.code);
    expect(new Set(entries).size).toBe(entries.length);
    for (const code of entries) {
      expect(code).toMatch(/^MESH[1-4]\d{3}$/);
    }
    for (const family of ['1', '2', '3', '4']) {
      const inFamily = entries.filter((c) => c[4] === family);
      expect(inFamily, `family ${family}xxx`).toEqual([...inFamily].sort());
    }
  });
});
