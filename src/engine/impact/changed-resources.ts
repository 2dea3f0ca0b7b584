import { type Resource, resourceId } from '../model/resource.js';

function sameContent(a: Resource, b: Resource, hashOf?: (resource: Resource) => string): boolean {
  if (a === b || a.body === b.body) {
    return true;
  }
  const hash = hashOf?.(a) ?? '';
  if (hash !== '') {
    return hash === hashOf?.(b);
  }
  return JSON.stringify(a.body) === JSON.stringify(b.body);
}

type Keyed = readonly (readonly [string, Resource])[];

function byId(resources: Keyed, duplicates: Set<string>): Map<string, Resource> {
  const out = new Map<string, Resource>();
  for (const [id, resource] of resources) {
    if (out.has(id)) {
      duplicates.add(id);
    }
    out.set(id, resource);
  }
  return out;
}

/** What changed between two snapshots, and the objects involved on each side. */
export interface ChangeSet {
  /** `resourceId`s of the objects added, removed or changed. */
  readonly ids: Set<string>;
  /** The base's objects with one of those ids. */
  readonly before: readonly Resource[];
  /** The target's objects with one of those ids. */
  readonly after: readonly Resource[];
}

/**
 * Objects added, removed or changed in any way (metadata included: no normalisation, unlike the
 * resource diff), from stored hashes when known, else by content. Incremental analyses use it to
 * decide what they may reuse, so it errs on "changed". Objects present on both sides as the same
 * object are unchanged and not even keyed.
 */
export function detectChanges(
  base: readonly Resource[],
  target: readonly Resource[],
  hashOf?: (resource: Resource) => string,
): ChangeSet {
  const ids = new Set<string>();
  const shared = new Set(base);
  const kept = new Set(target.filter((r) => shared.has(r)));
  const keyed = (list: readonly Resource[]): Keyed =>
    list.filter((r) => !kept.has(r)).map((r) => [resourceId(r.key), r] as const);
  const beforeKeyed = keyed(base);
  const afterKeyed = keyed(target);
  const before = byId(beforeKeyed, ids);
  const after = byId(afterKeyed, ids);
  for (const [id, resource] of after) {
    const old = before.get(id);
    if (old === undefined || !sameContent(old, resource, hashOf)) {
      ids.add(id);
    }
  }
  for (const id of before.keys()) {
    if (!after.has(id)) {
      ids.add(id);
    }
  }
  const involved = (list: Keyed): Resource[] =>
    list.filter(([id]) => ids.has(id)).map(([, r]) => r);
  return { ids, before: involved(beforeKeyed), after: involved(afterKeyed) };
}

/** True when the target has an object whose id the base lacks. */
export function addsObjects(changes: ChangeSet): boolean {
  const before = new Set(changes.before.map((r) => resourceId(r.key)));
  return changes.after.some((r) => !before.has(resourceId(r.key)));
}

/** Ids of the objects added, removed or changed (see detectChanges). */
export function changedResourceIds(
  base: readonly Resource[],
  target: readonly Resource[],
  hashOf?: (resource: Resource) => string,
): Set<string> {
  return detectChanges(base, target, hashOf).ids;
}
