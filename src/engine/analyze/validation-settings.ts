import { catalogEntries } from '../rules/catalog.js';
import { LEVEL_RANK, type FindingLevel } from '../rules/finding.js';

/** The codes a finding answers to: its MESH code and, where the meaning is the same, IST / KIA. */
export interface CodedFinding {
  readonly code: string;
  readonly istioCode?: string;
  readonly kialiCode?: string;
  readonly level: FindingLevel;
}

/**
 * Per-environment validation settings (issue 5 §3): codes never reported, and a level per code.
 * A code may be a MESH, IST or KIA code; for the level a MESH code wins over an IST / KIA one.
 */
export interface ValidationSettings {
  readonly disabledCodes: readonly string[];
  readonly levelOverrides: Readonly<Record<string, FindingLevel>>;
}

export const NO_VALIDATION_SETTINGS: ValidationSettings = { disabledCodes: [], levelOverrides: {} };

export function codesOf(finding: CodedFinding): string[] {
  const codes = [finding.code];
  if (finding.istioCode !== undefined) {
    codes.push(finding.istioCode);
  }
  if (finding.kialiCode !== undefined) {
    codes.push(finding.kialiCode);
  }
  return codes;
}

export function levelOverrideFor(
  finding: CodedFinding,
  overrides: Readonly<Record<string, FindingLevel>>,
): FindingLevel | undefined {
  return (
    overrides[finding.code] ??
    (finding.istioCode === undefined ? undefined : overrides[finding.istioCode]) ??
    (finding.kialiCode === undefined ? undefined : overrides[finding.kialiCode])
  );
}

/** Applies settings to findings computed without them (the server caches findings unsettled). */
export function applyValidationSettings<F extends CodedFinding>(
  findings: readonly F[],
  settings: ValidationSettings,
): F[] {
  const disabled = new Set(settings.disabledCodes);
  const kept =
    disabled.size === 0
      ? [...findings]
      : findings.filter((f) => !codesOf(f).some((c) => disabled.has(c)));
  return kept.map((f) => {
    const level = levelOverrideFor(f, settings.levelOverrides);
    return level === undefined || level === f.level ? f : { ...f, level };
  });
}

/** Every code a finding can carry: the catalog's MESH codes and the IST / KIA codes they map. */
export function knownFindingCodes(): ReadonlySet<string> {
  const codes = new Set<string>();
  for (const [, spec] of catalogEntries()) {
    codes.add(spec.code);
    if (spec.istioCode !== undefined) {
      codes.add(spec.istioCode);
    }
    if (spec.kialiCode !== undefined) {
      codes.add(spec.kialiCode);
    }
  }
  return codes;
}

/**
 * Checks settings given by a user: every code must be one meshlens can report (a typo would
 * otherwise silently disable nothing) and every level Error, Warning or Info. Returns the
 * problems, one line each; an empty list means valid. Codes are sorted and de-duplicated.
 */
export function checkValidationSettings(input: {
  readonly disabledCodes: readonly string[];
  readonly levelOverrides: Readonly<Record<string, string>>;
}): { readonly settings: ValidationSettings; readonly problems: readonly string[] } {
  const known = knownFindingCodes();
  const problems: string[] = [];
  for (const code of input.disabledCodes) {
    if (!known.has(code)) {
      problems.push(`disabledCodes: "${code}" is not a code meshlens reports`);
    }
  }
  const levelOverrides: Record<string, FindingLevel> = {};
  for (const [code, level] of Object.entries(input.levelOverrides).sort(([a], [b]) =>
    a < b ? -1 : 1,
  )) {
    if (!known.has(code)) {
      problems.push(`levelOverrides: "${code}" is not a code meshlens reports`);
    } else if (!Object.hasOwn(LEVEL_RANK, level)) {
      problems.push(`levelOverrides.${code}: "${level}" must be Error, Warning or Info`);
    } else {
      levelOverrides[code] = level as FindingLevel;
    }
  }
  const disabledCodes = [...new Set(input.disabledCodes)].sort();
  return { settings: { disabledCodes, levelOverrides }, problems };
}
