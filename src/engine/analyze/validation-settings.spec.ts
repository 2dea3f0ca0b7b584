import { describe, expect, it } from 'vitest';
import type { FindingLevel } from '../rules/finding.js';
import { applyValidationSettings, checkValidationSettings } from './validation-settings.js';

interface F {
  readonly code: string;
  readonly istioCode?: string;
  readonly kialiCode?: string;
  readonly level: FindingLevel;
  readonly name: string;
}

const FINDINGS: F[] = [
  { code: 'MESH1101', istioCode: 'IST0101', kialiCode: 'KIA1101', level: 'Error', name: 'a' },
  { code: 'MESH1107', istioCode: 'IST0101', kialiCode: 'KIA1107', level: 'Error', name: 'b' },
  { code: 'MESH2201', level: 'Warning', name: 'c' },
];

describe('per-environment validation settings (issue 5 §3)', () => {
  it('a disabled IST code drops every finding that carries it; other codes stay', () => {
    const kept = applyValidationSettings(FINDINGS, {
      disabledCodes: ['IST0101'],
      levelOverrides: {},
    });
    expect(kept.map((f) => f.name)).toEqual(['c']);
  });

  it('a disabled KIA code drops only the finding that carries that Kiali code', () => {
    const kept = applyValidationSettings(FINDINGS, {
      disabledCodes: ['KIA1107'],
      levelOverrides: {},
    });
    expect(kept.map((f) => f.name)).toEqual(['a', 'c']);
  });

  it('level overrides: a MESH code wins over the IST code of the same finding', () => {
    const leveled = applyValidationSettings(FINDINGS, {
      disabledCodes: [],
      levelOverrides: { IST0101: 'Info', MESH1107: 'Warning' },
    });
    expect(leveled.map((f) => `${f.name}:${f.level}`)).toEqual([
      'a:Info',
      'b:Warning',
      'c:Warning',
    ]);
    expect(FINDINGS[0]?.level).toBe('Error'); // inputs are not mutated
  });

  it('checks user input: unknown codes and levels are listed, valid input is normalised', () => {
    const bad = checkValidationSettings({
      disabledCodes: ['IST9999', 'MESH1101'],
      levelOverrides: { KIA1101: 'Critical', NOPE: 'Info' },
    });
    expect(bad.problems).toEqual([
      'disabledCodes: "IST9999" is not a code meshlens reports',
      'levelOverrides.KIA1101: "Critical" must be Error, Warning or Info',
      'levelOverrides: "NOPE" is not a code meshlens reports',
    ]);
    const good = checkValidationSettings({
      disabledCodes: ['MESH2201', 'IST0101', 'MESH2201'],
      levelOverrides: { KIA1107: 'Info' },
    });
    expect(good).toEqual({
      settings: { disabledCodes: ['IST0101', 'MESH2201'], levelOverrides: { KIA1107: 'Info' } },
      problems: [],
    });
  });
});
