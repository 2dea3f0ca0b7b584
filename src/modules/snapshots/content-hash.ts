import { createHash } from 'node:crypto';
import { canonicalJson, groupOf, type Resource, resourceId } from '../../engine/index.js';
import type { ObjectToStore } from './snapshots.types.js';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Content-addresses each object by the sha256 of its canonical JSON. */
export function toObjectsToStore(resources: readonly Resource[]): ObjectToStore[] {
  return resources.map((resource) => {
    const canonical = canonicalJson(resource.body);
    return {
      id: resourceId(resource.key),
      apiGroup: groupOf(resource.apiVersion),
      apiVersion: resource.apiVersion,
      kind: resource.key.kind,
      namespace: resource.key.namespace,
      name: resource.key.name,
      known: resource.known,
      hash: sha256(canonical),
      canonicalJson: canonical,
      sourceFile: resource.source?.file ?? null,
    };
  });
}

/** Digest of a whole snapshot: sha256 over its sorted `id hash` lines. Order of input is irrelevant. */
export function snapshotDigest(objects: readonly ObjectToStore[]): string {
  const lines = objects.map((o) => `${o.id} ${o.hash}\n`).sort();
  const hash = createHash('sha256');
  for (const line of lines) {
    hash.update(line);
  }
  return hash.digest('hex');
}
