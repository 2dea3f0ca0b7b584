import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resourceId } from '../model/resource.js';
import type { Finding } from './finding.js';
import { RULES } from './registry.js';
import type { Rule } from './rule.js';
import { loadFixture } from './testing/load-fixture.js';
import { describeFinding, runRule, runRuleOnSubjects } from './testing/run-rule.js';

const RULES_DIR = dirname(fileURLToPath(import.meta.url));
const ROUTING = ['VirtualService', 'DestinationRule'];

function fixtureTexts(ruleId: string): [string, string][] {
  const [kind, name] = ruleId.split('/');
  const dir = join(RULES_DIR, kind ?? '', '__fixtures__', name ?? '');
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
        .map((f) => [f, readFileSync(join(dir, f), 'utf8')])
    : [];
}

const described = (findings: readonly Finding[]): string[] =>
  findings.map((f) => `${describeFinding(f)} ${f.message}`).sort();

const subjectRules = RULES.filter((r) => r.subject !== undefined);
const cases = subjectRules.flatMap((rule) =>
  fixtureTexts(rule.id).map(([file, text]) => [rule.id, file, rule, text] as const),
);

describe('subject-local rules (Rule.subject, analyze/rule-reuse)', () => {
  it('several routing rules are subject-local', () => {
    expect(subjectRules.map((r) => r.subject)).toContain('VirtualService');
    expect(subjectRules.map((r) => r.subject)).toContain('DestinationRule');
  });

  it.each(subjectRules.map((r) => [r.id, r] as const))(
    '%s reads its subject kind and no other routing kind',
    (_id, rule: Rule) => {
      expect(rule.inputs).toContain(rule.subject);
      const others = ROUTING.filter((kind) => kind !== rule.subject);
      expect(rule.inputs.filter((kind) => others.includes(kind))).toEqual([]);
    },
  );

  it.each(cases)('%s %s: every finding is on a subject', (_id, file, rule, text) => {
    const { resources } = loadFixture(text, file);
    const { findings } = runRule(rule, resources);
    expect(findings.filter((f) => f.resourceKey.kind !== rule.subject)).toEqual([]);
  });

  it.each(cases)(
    '%s %s: a run over one subject gives the full run findings on it',
    (_id, file, rule, text) => {
      const { resources } = loadFixture(text, file);
      const full = runRule(rule, resources).findings;
      const subjects = resources.filter((r) => r.key.kind === rule.subject);
      for (const subject of subjects) {
        const id = resourceId(subject.key);
        const alone = runRuleOnSubjects(rule, resources, (r) => r === subject);
        const wanted = full.filter((f) => resourceId(f.resourceKey) === id);
        expect(described(alone), id).toEqual(described(wanted));
      }
      expect(runRuleOnSubjects(rule, resources, () => false)).toEqual([]);
    },
  );
});
