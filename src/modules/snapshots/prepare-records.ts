import {
  type ParsedUnit,
  type Resource,
  unitObjectOf,
  type UnitObject,
} from '../../engine/index.js';
import type { IncrementalSnapshot } from '../../engine/index.js';
import { toObjectToStore } from './content-hash.js';
import type { CachedObject, CachedUnit } from './ingest-cache.js';
import type { ObjectRecord, ObjectToStore } from './snapshots.types.js';

/** What an ingest stores, and the memo it leaves for the next one. */
export interface Prepared {
  readonly records: ObjectRecord[];
  /** Records of freshly parsed units; the others are as in the memo's snapshot. */
  readonly fresh: ObjectToStore[];
  readonly runs: Map<string, readonly CachedUnit[]>;
}

/**
 * A copy of `text` sharing no memory with the text it was cut from. V8 keeps the whole parent of
 * a sliced or concatenated string alive: a cached name cut from a request body would keep that
 * body (60 MB, Secrets included) in memory for as long as the cache holds the name.
 */
function detach(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/** The cache's copy of a stored object: a fixed shape, detached strings, no canonical JSON. */
function cachedObjectOf(placed: UnitObject, record: ObjectToStore): CachedObject {
  const key = {
    group: detach(placed.key.group),
    kind: detach(placed.key.kind),
    namespace: detach(placed.key.namespace),
    name: detach(placed.key.name),
  };
  return {
    id: detach(record.id),
    key,
    apiGroup: key.group,
    apiVersion: detach(record.apiVersion),
    kind: key.kind,
    namespace: key.namespace,
    name: key.name,
    known: record.known,
    hash: record.hash,
    canonicalJson: null,
    sourceFile: record.sourceFile === null ? null : detach(record.sourceFile),
    documentOffset: placed.documentOffset,
    lineOffset: placed.lineOffset,
  };
}

function withCanonicalJson(object: CachedObject, canonicalJson: string): ObjectToStore {
  return {
    id: object.id,
    apiGroup: object.apiGroup,
    apiVersion: object.apiVersion,
    kind: object.kind,
    namespace: object.namespace,
    name: object.name,
    known: object.known,
    hash: object.hash,
    canonicalJson,
    sourceFile: object.sourceFile,
  };
}

function holdsSecret(resources: readonly Resource[]): boolean {
  return resources.some((r) => r.key.group === '' && r.key.kind === 'Secret');
}

/** A freshly parsed unit's records (canonical JSON and hashes) and its outcome for the memo. */
export interface PreparedUnit {
  readonly records: readonly ObjectToStore[];
  /** Null for a unit holding a Secret: the cache keeps nothing derived from its text. */
  readonly outcome: CachedUnit | null;
}

export function prepareFresh(
  unit: ParsedUnit<CachedUnit>['unit'],
  resources: readonly Resource[],
  newlines: number,
) {
  const records: ObjectToStore[] = [];
  const objects: CachedObject[] = [];
  for (const resource of resources) {
    const stored = toObjectToStore(resource);
    const cached = cachedObjectOf(unitObjectOf(resource, unit), stored);
    records.push(withCanonicalJson(cached, stored.canonicalJson));
    objects.push(cached);
  }
  const outcome = holdsSecret(resources) ? null : { objects, newlines };
  return { records, outcome };
}

/**
 * Records to store (canonical JSON and hashes computed for fresh units only, or taken from
 * `done` when computed while parsing) and the next memo.
 */
export function prepare(
  parsed: IncrementalSnapshot<CachedUnit>,
  done: readonly (PreparedUnit | undefined)[] = [],
): Prepared {
  const records: ObjectRecord[] = [];
  const fresh: ObjectToStore[] = [];
  const outcomes = new Array<CachedUnit | null>(parsed.units.length);
  for (const [index, entry] of parsed.units.entries()) {
    if (entry.fresh === null) {
      outcomes[index] = entry.cached;
      const sourceFile = entry.unit.file.name;
      for (const object of entry.cached.objects) {
        records.push(object.sourceFile === sourceFile ? object : { ...object, sourceFile });
      }
      continue;
    }
    const unit = done[index] ?? prepareFresh(entry.unit, entry.fresh, entry.newlines);
    for (const record of unit.records) {
      records.push(record);
      fresh.push(record);
    }
    outcomes[index] = unit.outcome;
  }
  const runs = new Map<string, readonly CachedUnit[]>();
  for (const run of parsed.runs) {
    const members = outcomes.slice(run.first, run.end).filter((o): o is CachedUnit => o !== null);
    if (members.length === run.end - run.first) {
      runs.set(run.key, members);
    }
  }
  return { records, fresh, runs };
}
