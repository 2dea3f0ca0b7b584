import type { Resource } from '../model/resource.js';
import { jsonEqual } from './canonical-json.js';
import { diffFields, type RawFieldChange } from './field-diff.js';
import { formatFieldPath } from './field-path.js';
import { findHashSuffixRenames } from './hash-suffix-renames.js';
import { normalizeForDiff } from './normalize-resource.js';
import { pairByKey } from './resource-index.js';
import type { ChangeKind, DiffOptions, FieldChange, ResourceChange } from './resource-change.js';
import { isSecret, redactSecretChange } from './secret-redaction.js';

/** Cheap checks first: same body object, equal stored hashes, or structurally equal bodies. */
function isTriviallyUnchanged(before: Resource, after: Resource, options: DiffOptions): boolean {
  if (before.body === after.body) {
    return true;
  }
  if (options.hashOf !== undefined && options.hashOf(before) === options.hashOf(after)) {
    return true;
  }
  return options.hashOf === undefined && jsonEqual(before.body, after.body);
}

function toFieldChange(change: RawFieldChange): FieldChange {
  return {
    path: formatFieldPath(change.segments),
    ...(change.before === undefined ? {} : { before: change.before }),
    ...(change.after === undefined ? {} : { after: change.after }),
  };
}

/** Field changes between two versions of one object (kinds are equal; names may differ). */
export function diffResourcePair(
  before: Resource,
  after: Resource,
  options: DiffOptions = {},
): FieldChange[] {
  const raw = diffFields(
    after.key.kind,
    { norm: normalizeForDiff(before, options), orig: before.body },
    { norm: normalizeForDiff(after, options), orig: after.body },
  );
  return (isSecret(after.key) ? raw.map(redactSecretChange) : raw).map(toFieldChange);
}

function change(
  resource: Resource,
  kind: ChangeKind,
  fields: readonly FieldChange[],
  renamedFrom?: string,
): ResourceChange {
  const { kind: resourceKind, namespace, name } = resource.key;
  return {
    apiVersion: resource.apiVersion,
    kind: resourceKind,
    namespace,
    name,
    change: kind,
    fields,
    ...(renamedFrom === undefined ? {} : { renamedFrom }),
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareChanges(a: ResourceChange, b: ResourceChange): number {
  return (
    compareText(a.kind, b.kind) ||
    compareText(a.namespace, b.namespace) ||
    compareText(a.name, b.name) ||
    compareText(a.apiVersion, b.apiVersion)
  );
}

/**
 * What changed between two snapshots: objects matched by ResourceKey (group, not version: a
 * v1beta1 → v1 move with the same content is no change), compared after semantic normalisation
 * (`normalizeForDiff`, ORDER_INSENSITIVE_LISTS). Kustomize hash-suffix renames of ConfigMaps and
 * Secrets are one `modified` change with `renamedFrom`. Sorted by kind, namespace, name; field
 * changes by path. Cost: one index holding both sides (`pairByKey`) plus a cheap check per
 * matched pair (same body object, equal `hashOf`, or structural equality when no hash is given);
 * only pairs that differ are normalised and walked. A key given twice in one snapshot keeps
 * its last object.
 */
export function diffResources(
  before: readonly Resource[],
  after: readonly Resource[],
  options: DiffOptions = {},
): ResourceChange[] {
  const changes: ResourceChange[] = [];
  const added: Resource[] = [];
  const removed: Resource[] = [];
  for (const { before: previous, after: next } of pairByKey(before, after)) {
    if (previous === undefined || next === undefined) {
      added.push(...(next === undefined ? [] : [next]));
      removed.push(...(previous === undefined ? [] : [previous]));
    } else if (!isTriviallyUnchanged(previous, next, options)) {
      const fields = diffResourcePair(previous, next, options);
      if (fields.length > 0) {
        changes.push(change(next, 'modified', fields));
      }
    }
  }
  const renames = findHashSuffixRenames(removed, added);
  const renamed = new Set(renames.flatMap((r) => [r.before, r.after]));
  for (const { before: old, after: next } of renames) {
    changes.push(change(next, 'modified', diffResourcePair(old, next, options), old.key.name));
  }
  for (const resource of added.filter((r) => !renamed.has(r))) {
    changes.push(change(resource, 'added', []));
  }
  for (const resource of removed.filter((r) => !renamed.has(r))) {
    changes.push(change(resource, 'removed', []));
  }
  return changes.sort(compareChanges);
}
