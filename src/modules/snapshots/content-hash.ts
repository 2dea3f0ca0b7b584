import { createHash, hash } from 'node:crypto';
import { canonicalJsonOf, groupOf, type Resource, resourceId } from '../../engine/index.js';
import type { ObjectToStore } from './snapshots.types.js';

export function sha256(text: string): string {
  return hash('sha256', text, 'hex');
}

/** Content-addresses an object by the sha256 of its canonical JSON. */
export function toObjectToStore(resource: Resource): ObjectToStore {
  const canonical = canonicalJsonOf(resource.body);
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
}

/** Content-addresses each object by the sha256 of its canonical JSON. */
export function toObjectsToStore(resources: readonly Resource[]): ObjectToStore[] {
  return resources.map(toObjectToStore);
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
