import { load } from 'js-yaml';
import {
  checkValidationSettings,
  type FindingLevel,
  type JsonObject,
  type Suppression,
  type ValidationSettings,
} from '../../engine/index.js';
import { type Parsed, parseChoice } from '../parse-choice.js';

export type { Parsed } from '../parse-choice.js';

const FORMATS = ['json', 'text', 'sarif'] as const;
export type OutputFormat = (typeof FORMATS)[number];

const FAIL_ON = ['error', 'warning'] as const;
const FAIL_ON_LEVEL: Readonly<Record<(typeof FAIL_ON)[number], FindingLevel>> = {
  error: 'Error',
  warning: 'Warning',
};

export function parseFormat(value: string): Parsed<OutputFormat> {
  return parseChoice('--format', value, FORMATS);
}

/** `error` or `warning`, in any case (`Warning`, as findings print it, too). */
export function parseFailOn(value: string | undefined): Parsed<FindingLevel | null> {
  if (value === undefined) {
    return { ok: true, value: null };
  }
  const level = parseChoice('--fail-on', value, FAIL_ON, { ignoreCase: true });
  return level.ok ? { ok: true, value: FAIL_ON_LEVEL[level.value] } : level;
}

const SUPPRESS = /^([A-Z]+\d{4})=(\S+)\s+(?:([^/\s]+)\/)?([^/\s]+)$/;

/** `CODE=Kind ns/name` (or `CODE=Kind name` for cluster-scoped objects). */
export function parseSuppression(value: string): Parsed<Suppression> {
  const match = SUPPRESS.exec(value.trim());
  if (match === null) {
    return { ok: false, message: `--suppress expects CODE=Kind ns/name, got "${value}"` };
  }
  const [, code = '', kind = '', namespace = '', name = ''] = match;
  return { ok: true, value: { code, kind, namespace, name } };
}

/**
 * `--disable CODE` and `--level CODE=LEVEL` (repeatable): the offline counterpart of an
 * environment's validation settings, checked the same way (unknown codes and levels refused).
 */
export function parseValidationFlags(
  disable: readonly string[],
  level: readonly string[],
): Parsed<ValidationSettings> {
  const levelOverrides: Record<string, string> = {};
  for (const item of level) {
    const [code = '', value = '', ...rest] = item.split('=');
    if (code === '' || value === '' || rest.length > 0) {
      return { ok: false, message: `--level expects CODE=Error|Warning|Info, got "${item}"` };
    }
    levelOverrides[code.trim()] = value.trim();
  }
  const checked = checkValidationSettings({ disabledCodes: disable, levelOverrides });
  return checked.problems.length > 0
    ? { ok: false, message: checked.problems.join('; ') }
    : { ok: true, value: checked.settings };
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A MeshConfig YAML file, or an `istio` ConfigMap holding one in `data.mesh`. */
export function parseMeshConfig(text: string, file: string): Parsed<JsonObject> {
  try {
    const value: unknown = load(text);
    const data = isObject(value) && value['kind'] === 'ConfigMap' ? value['data'] : undefined;
    const mesh: unknown =
      isObject(data) && typeof data['mesh'] === 'string' ? load(data['mesh']) : value;
    return isObject(mesh) || mesh === undefined || mesh === null
      ? { ok: true, value: isObject(mesh) ? mesh : {} }
      : { ok: false, message: `${file}: the mesh config is not a YAML mapping` };
  } catch (error: unknown) {
    return {
      ok: false,
      message: `${file}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
