import { isJsonObject, type JsonObject } from '../model/json.js';
import { redactSecret } from './redact-secret.js';
import { setOwnProperty } from './set-own-property.js';

/** Metadata the API server writes: it changes without the user's intent, so it is not stored. */
const SERVER_MANAGED_METADATA: ReadonlySet<string> = new Set([
  'managedFields',
  'resourceVersion',
  'uid',
  'generation',
  'selfLink',
]);

/** kubectl's copy of the previous apply: a duplicate of the object (for a Secret, of its values). */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

export interface NormalizeTarget {
  /** '' for the core group. */
  readonly group: string;
  readonly kind: string;
  /** The namespace the object lives in; '' for cluster-scoped kinds (metadata.namespace dropped). */
  readonly namespace: string;
}

/** A copy of `object` without the keys `drop` says to drop. */
function without(object: JsonObject, drop: (key: string) => boolean): JsonObject {
  const out: JsonObject = {};
  for (const key in object) {
    const value = object[key];
    if (value !== undefined && !drop(key)) {
      setOwnProperty(out, key, value);
    }
  }
  return out;
}

function normalizeMetadata(metadata: JsonObject, namespace: string): JsonObject {
  const out = without(metadata, (key) => SERVER_MANAGED_METADATA.has(key) || key === 'namespace');
  if (namespace !== '') {
    out['namespace'] = namespace;
  }
  const annotations = out['annotations'];
  if (isJsonObject(annotations) && LAST_APPLIED_ANNOTATION in annotations) {
    const kept = without(annotations, (key) => key === LAST_APPLIED_ANNOTATION);
    return Object.keys(kept).length === 0
      ? without(out, (key) => key === 'annotations')
      : { ...out, annotations: kept };
  }
  return out;
}

/**
 * The object as meshlens stores it: `status` and server-managed metadata (managedFields,
 * resourceVersion, uid, generation, selfLink) and the last-applied-configuration annotation
 * removed, `creationTimestamp` kept when present, the namespace set (defaulted) or dropped for
 * cluster-scoped kinds, and a Secret's values removed (redact-secret.ts). The input is not
 * modified: changed levels are copied, untouched subtrees are shared.
 */
export function normalizeResource(object: JsonObject, target: NormalizeTarget): JsonObject {
  const normalized = without(object, (key) => key === 'status');
  const metadata = isJsonObject(object['metadata']) ? object['metadata'] : {};
  normalized['metadata'] = normalizeMetadata(metadata, target.namespace);
  return target.group === '' && target.kind === 'Secret' ? redactSecret(normalized) : normalized;
}
