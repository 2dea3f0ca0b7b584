import type { Resource } from '../model/resource.js';

/**
 * Kinds that kustomize's configMapGenerator / secretGenerator name `<name>-<hash>`. Other kinds
 * with hash-like suffixes (ReplicaSets, Pods) are not paired.
 */
const GENERATED_KINDS = new Set(['ConfigMap', 'Secret']);

/**
 * `<base>-<10 chars>`; the alphabet is Kubernetes' SafeEncodeString set, a superset of the one
 * kustomize's hasher produces (hex with 0,1,3,a,e replaced by g,h,k,m,t).
 */
const HASH_SUFFIX = /^(.+)-[bcdfghjkmnpqrstvwxz2456789]{10}$/;

function renameGroup(resource: Resource): string | undefined {
  const { group, kind, namespace, name } = resource.key;
  if (group !== '' || !GENERATED_KINDS.has(kind)) {
    return undefined;
  }
  const base = HASH_SUFFIX.exec(name)?.[1];
  return base === undefined ? undefined : `${kind}/${namespace}/${base}`;
}

function groupBy(resources: readonly Resource[]): Map<string, Resource[]> {
  const groups = new Map<string, Resource[]>();
  for (const resource of resources) {
    const key = renameGroup(resource);
    if (key !== undefined) {
      const group = groups.get(key) ?? [];
      group.push(resource);
      groups.set(key, group);
    }
  }
  return groups;
}

export interface Rename {
  readonly before: Resource;
  readonly after: Resource;
}

/**
 * Pairs a removed and an added generated object with the same kind, namespace and base name.
 * Only unambiguous pairs (exactly one removed and one added per base name) are made; anything
 * else stays added/removed.
 */
export function findHashSuffixRenames(
  removed: readonly Resource[],
  added: readonly Resource[],
): Rename[] {
  const removedGroups = groupBy(removed);
  const renames: Rename[] = [];
  for (const [key, addedGroup] of groupBy(added)) {
    const removedGroup = removedGroups.get(key);
    const [before] = removedGroup ?? [];
    const [after] = addedGroup;
    if (removedGroup?.length === 1 && addedGroup.length === 1 && before && after) {
      renames.push({ before, after });
    }
  }
  return renames;
}
