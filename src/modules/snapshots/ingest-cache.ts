import type { UnitObject, UnitOutcome } from '../../engine/index.js';
import type { DigestState } from './snapshot-digest.js';
import type { ObjectRecord } from './snapshots.types.js';

/**
 * An object of a cached unit: its identity and the content hash of its stored (redacted) body,
 * shaped as the record the store takes (without canonical JSON), so unchanged objects cost no
 * allocation.
 */
export interface CachedObject extends UnitObject, Omit<ObjectRecord, 'canonicalJson'> {
  readonly canonicalJson: null;
}

export interface CachedUnit extends UnitOutcome {
  readonly objects: readonly CachedObject[];
}

/** An object of the latest version: its content hash and the version its current row starts at. */
export interface CurrentObject {
  readonly hash: string;
  readonly validFrom: number;
}

/**
 * The objects of an environment's latest version, as the store wrote or read them. Only used by a
 * store transaction after it has checked, under the environment's row lock, that the version row
 * is still the latest (another process or replica may have written since).
 */
export interface LatestState {
  readonly environmentId: number;
  /** The version row's id: never reused, so it names this exact version. */
  readonly versionId: string;
  readonly number: number;
  readonly digest: string;
  /** Updated in place by the store transaction it is handed to (IngestCache.takeLatest). */
  readonly objects: Map<string, CurrentObject>;
}

/**
 * What one environment's last ingest leaves for the next. `runs` is a memo of pure parse outcomes
 * (same text and options → same outcome), valid whatever the database holds; only `latest`
 * describes the database and is checked before use. Nothing here derives from a Secret's values:
 * runs holding a Secret are not kept, and hashes are of redacted bodies.
 */
export interface EnvironmentCacheEntry {
  /** The parse options the units were parsed with. */
  readonly optionsKey: string;
  /** Outcomes of the snapshot's runs of units, by run key (incremental-parse.ts). */
  readonly runs: ReadonlyMap<string, readonly CachedUnit[]>;
  /** The snapshot's digest lines in order (patched by the next digest), or null. */
  readonly digest: DigestState | null;
  readonly latest: LatestState | null;
  readonly objectCount: number;
}

export interface IngestCacheOptions {
  /** Environments kept (least recently used evicted first); 0 disables the cache. */
  readonly maxEnvironments: number;
  /** Objects kept across all environments (an L mesh of 50,000 objects takes ~40 MB). */
  readonly maxObjects: number;
}

export const DEFAULT_INGEST_CACHE_OPTIONS: IngestCacheOptions = {
  maxEnvironments: 8,
  maxObjects: 250_000,
};

/**
 * The cache's bounds from the configuration (MESHLENS_INGEST_CACHE_ENVIRONMENTS and
 * MESHLENS_INGEST_CACHE_OBJECTS), else the defaults.
 */
export function ingestCacheOptions(config: {
  readonly ingestCache?: Partial<IngestCacheOptions>;
}): IngestCacheOptions {
  return { ...DEFAULT_INGEST_CACHE_OPTIONS, ...config.ingestCache };
}

/** Per-process, per-environment cache of the latest ingest (LRU, bounded by environments and objects). */
export class IngestCache {
  private readonly entries = new Map<string, EnvironmentCacheEntry>();
  private objectCount = 0;

  constructor(private readonly options: IngestCacheOptions = DEFAULT_INGEST_CACHE_OPTIONS) {}

  get(environment: string): EnvironmentCacheEntry | undefined {
    const entry = this.entries.get(environment);
    if (entry !== undefined) {
      this.entries.delete(environment);
      this.entries.set(environment, entry);
    }
    return entry;
  }

  /**
   * Keeps the entry, unless the cache already holds a newer version of the environment (two
   * ingests of one environment may finish in either order).
   */
  set(environment: string, entry: EnvironmentCacheEntry): void {
    const kept = this.entries.get(environment)?.latest ?? null;
    const next = entry.latest;
    if (kept !== null && next !== null && kept.environmentId === next.environmentId) {
      if (kept.number > next.number) {
        return;
      }
    }
    this.delete(environment);
    if (this.options.maxEnvironments <= 0 || entry.objectCount > this.options.maxObjects) {
      return;
    }
    this.entries.set(environment, entry);
    this.objectCount += entry.objectCount;
    this.evict();
  }

  /**
   * Hands the environment's latest state to one store transaction and forgets it: the transaction
   * updates its map in place, so no other ingest may see it until it is stored again (set).
   */
  takeLatest(environment: string): LatestState | null {
    const entry = this.entries.get(environment);
    if (entry?.latest === undefined || entry.latest === null) {
      return null;
    }
    this.entries.set(environment, { ...entry, latest: null });
    return entry.latest;
  }

  delete(environment: string): void {
    const entry = this.entries.get(environment);
    if (entry !== undefined) {
      this.entries.delete(environment);
      this.objectCount -= entry.objectCount;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(): void {
    for (const [environment] of this.entries) {
      const over =
        this.entries.size > this.options.maxEnvironments ||
        this.objectCount > this.options.maxObjects;
      if (!over) {
        return;
      }
      this.delete(environment);
    }
  }
}
