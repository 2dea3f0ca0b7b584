import { Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import {
  type IncrementalSnapshot,
  type InputError,
  type InputWarning,
  ok,
  parseSnapshotIncrementally,
  parseUnit,
  type ParseOptions,
  type Resource,
  resolveLimits,
  type Result,
  type SourceFile,
  type UnitMemo,
  type UnitObject,
  unitObjectOf,
} from '../../engine/index.js';
import { toObjectsToStore, toObjectToStore } from './content-hash.js';
import {
  type CachedObject,
  type CachedUnit,
  type EnvironmentCacheEntry,
  IngestCache,
  type LatestState,
} from './ingest-cache.js';
import {
  type DigestState,
  type OrderedDigest,
  orderedSnapshotDigest,
  patchedSnapshotDigest,
  unitKey,
} from './snapshot-digest.js';
import { SnapshotStoreRepository } from './snapshot-store.repository.js';
import type {
  ObjectRecord,
  ObjectToStore,
  StoreVersionInput,
  StoreVersionResult,
  VersionMetadata,
} from './snapshots.types.js';

export interface IngestFilesRequest {
  readonly environment: string;
  readonly files: readonly SourceFile[];
  readonly options: ParseOptions;
  readonly metadata: VersionMetadata;
}

export interface IngestFilesResult {
  readonly stored: StoreVersionResult;
  readonly objectCount: number;
  readonly warnings: readonly InputWarning[];
  /** Parse (and validation) time; store time includes hashing, the digest and the transaction. */
  readonly timings: { readonly parseMs: number; readonly storeMs: number };
}

interface Prepared {
  readonly records: ObjectRecord[];
  /** Records of freshly parsed units; the others are as in the memo's snapshot. */
  readonly fresh: ObjectToStore[];
  readonly runs: Map<string, readonly CachedUnit[]>;
}

function memoOf(entry: EnvironmentCacheEntry | undefined): UnitMemo<CachedUnit> {
  return { keyOf: unitKey, run: (key) => entry?.runs.get(key) };
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

/**
 * The snapshot digest: patched from the memo's snapshot when only objects of freshly parsed units
 * can differ from it (cached units are unchanged by construction), else computed over all.
 */
function digestOf(prepared: Prepared, previous: DigestState | null): OrderedDigest {
  const unchanged = prepared.records.length - prepared.fresh.length;
  const patched =
    previous === null ? null : patchedSnapshotDigest(previous, unchanged, prepared.fresh);
  return patched ?? orderedSnapshotDigest(prepared.records, previous);
}

/** The fresh records for an O(changes) change set, valid if the store is handed `state` itself. */
function candidatesOf(
  state: LatestState | null,
  prepared: Prepared,
): Pick<StoreVersionInput, 'candidates'> {
  if (state === null) {
    return {};
  }
  const unchanged = prepared.records.length - prepared.fresh.length;
  return { candidates: { state, unchanged, fresh: prepared.fresh } };
}

function holdsSecret(resources: readonly Resource[]): boolean {
  return resources.some((r) => r.key.group === '' && r.key.kind === 'Secret');
}

/**
 * Records to store (canonical JSON and hashes computed for fresh units only) and the next memo.
 * Units holding a Secret are not memoised: the cache keeps nothing derived from its text.
 */
function prepare(parsed: IncrementalSnapshot<CachedUnit>): Prepared {
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
    const objects: CachedObject[] = [];
    for (const resource of entry.fresh) {
      const stored = toObjectToStore(resource);
      const cached = cachedObjectOf(unitObjectOf(resource, entry.unit), stored);
      const record = withCanonicalJson(cached, stored.canonicalJson);
      records.push(record);
      fresh.push(record);
      objects.push(cached);
    }
    outcomes[index] = holdsSecret(entry.fresh) ? null : { objects, newlines: entry.newlines };
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

/**
 * Canonical JSON of objects that came from cached units, by parsing those units again; only
 * needed when the store found the cached latest version stale (another writer) and must write
 * objects this process did not parse in this ingest.
 */
function materialize(
  parsed: IncrementalSnapshot<CachedUnit>,
  ids: readonly string[],
  options: ParseOptions,
): Map<string, string> {
  const wanted = new Set(ids);
  const found = new Map<string, string>();
  for (const entry of parsed.units) {
    if (entry.fresh !== null || !entry.cached.objects.some((o) => wanted.has(o.id))) {
      continue;
    }
    const again = parseUnit(entry.unit, options);
    if (!again.ok) {
      throw new Error(`a cached unit of ${entry.unit.file.name} no longer parses`);
    }
    const expected = new Map(entry.cached.objects.map((o) => [o.id, o.hash]));
    for (const object of toObjectsToStore(again.value)) {
      if (expected.get(object.id) !== object.hash) {
        throw new Error(`a cached unit of ${entry.unit.file.name} parses differently`);
      }
      if (wanted.has(object.id)) {
        found.set(object.id, object.canonicalJson);
      }
    }
  }
  return found;
}

/**
 * Ingest of a snapshot's files: incremental parse (only new or changed documents are parsed and
 * validated, see parseSnapshotIncrementally), then a store transaction that compares against the
 * cached latest version when the database confirms it is still the latest, so a small change
 * costs O(changes) in the database. Whatever the cache holds, what is stored is what a full
 * parse of the files would store.
 */
@Injectable()
export class SnapshotIngester {
  constructor(
    private readonly store: SnapshotStoreRepository,
    private readonly cache: IngestCache,
  ) {}

  async ingest(request: IngestFilesRequest): Promise<Result<IngestFilesResult, InputError>> {
    const { environment, options } = request;
    const started = performance.now();
    const optionsKey = JSON.stringify([options.defaultNamespace, resolveLimits(options.limits)]);
    const entry = this.cache.get(environment);
    const usable = entry?.optionsKey === optionsKey ? entry : undefined;
    const memo = memoOf(usable);
    const parsed = parseSnapshotIncrementally(request.files, options, memo);
    if (!parsed.ok) {
      return parsed;
    }
    const parseMs = performance.now() - started;
    const prepared = prepare(parsed.value);
    const { digest, state } = digestOf(prepared, usable?.digest ?? null);
    let stored: StoreVersionResult;
    try {
      stored = await this.store.storeVersion({
        environment,
        metadata: request.metadata,
        digest,
        objects: prepared.records,
        latest: () => this.cache.takeLatest(environment),
        ...candidatesOf(usable?.latest ?? null, prepared),
        canonicalJsonOf: (ids) => materialize(parsed.value, ids, options),
      });
    } catch (error: unknown) {
      this.cache.delete(environment);
      throw error;
    }
    const { runs, records } = prepared;
    const objectCount = records.length;
    this.cache.set(environment, {
      optionsKey,
      runs,
      digest: state,
      latest: stored.latest,
      objectCount,
    });
    const storeMs = performance.now() - started - parseMs;
    return ok({
      stored,
      objectCount,
      warnings: parsed.value.warnings,
      timings: { parseMs, storeMs },
    });
  }
}
