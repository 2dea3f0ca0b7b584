import { isJsonObject, type JsonObject } from '../model/json.js';

/** Annotation listing a Secret's key names once its values are gone. */
export const REDACTED_KEYS_ANNOTATION = 'meshlens.io/redacted-keys';

function keysOf(value: unknown): string[] {
  return isJsonObject(value) ? Object.keys(value) : [];
}

/**
 * Removes a Secret's `data` and `stringData` entirely: its values are never stored, hashed or
 * echoed (issue 2 §5). The key names are kept, sorted and comma-joined, in the
 * `meshlens.io/redacted-keys` annotation. A Secret with neither field keeps the annotation it
 * already carries, so re-ingesting an exported snapshot gives the same canonical JSON.
 */
export function redactSecret(secret: JsonObject): JsonObject {
  if (!('data' in secret) && !('stringData' in secret)) {
    return secret;
  }
  const keys = [...new Set([...keysOf(secret['data']), ...keysOf(secret['stringData'])])].sort();
  const rest: JsonObject = { ...secret };
  delete rest['data'];
  delete rest['stringData'];
  if (keys.length === 0) {
    return rest;
  }
  const metadata = isJsonObject(rest['metadata']) ? rest['metadata'] : {};
  const annotations = isJsonObject(metadata['annotations']) ? metadata['annotations'] : {};
  return {
    ...rest,
    metadata: {
      ...metadata,
      annotations: { ...annotations, [REDACTED_KEYS_ANNOTATION]: keys.join(',') },
    },
  };
}
