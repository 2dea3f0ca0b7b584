import { isJsonObject, type JsonObject, type JsonValue } from '../model/json.js';
import type { ResourceKey } from '../model/resource.js';
import type { RawFieldChange } from './field-diff.js';
import { REDACTED } from './resource-change.js';

const SECRET_VALUE_FIELDS = new Set<string>(['data', 'stringData']);

export function isSecret(key: ResourceKey): boolean {
  return key.group === '' && key.kind === 'Secret';
}

/** A map keeps its keys (which names changed is useful) but loses its values. */
function redactValue(value: JsonValue): JsonValue {
  if (!isJsonObject(value)) {
    return REDACTED;
  }
  const out: JsonObject = {};
  for (const key of Object.keys(value)) {
    out[key] = REDACTED;
  }
  return out;
}

/**
 * Secret values are stripped at ingest; this is the second line of defence: whatever reaches
 * the diff under `data`/`stringData`, only keys are reported, never values.
 */
export function redactSecretChange(change: RawFieldChange): RawFieldChange {
  const first = change.segments[0];
  if (typeof first !== 'string' || !SECRET_VALUE_FIELDS.has(first)) {
    return change;
  }
  return {
    segments: change.segments,
    ...(change.before === undefined ? {} : { before: redactValue(change.before) }),
    ...(change.after === undefined ? {} : { after: redactValue(change.after) }),
  };
}
