import { load } from 'js-yaml';
import {
  checkValidationSettings,
  type FindingLevel,
  type JsonObject,
  type Suppression,
  type ValidationSettings,
} from '../../engine/index.js';

export type OutputFormat = 'json' | 'text' | 'sarif';

const FORMATS: readonly OutputFormat[] = ['json', 'text', 'sarif'];
const FAIL_ON: Readonly<Record<string, FindingLevel>> = { error: 'Error', warning: 'Warning' };

/** Either a value or the message explaining why the flag is wrong. */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export function parseFormat(value: string): Parsed<OutputFormat> {
  const format = FORMATS.find((f) => f === value);
  return format === undefined
    ? { ok: false, message: `--format must be one of ${FORMATS.join(', ')}, not "${value}"` }
    : { ok: true, value: format };
}

export function parseFailOn(value: string | undefined): Parsed<FindingLevel | null> {
  if (value === undefined) {
    return { ok: true, value: null };
  }
  const level = FAIL_ON[value.toLowerCase()];
  return level === undefined
    ? { ok: false, message: `--fail-on must be error or warning, not "${value}"` }
    : { ok: true, value: level };
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
