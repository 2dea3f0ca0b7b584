import type { JsonObject } from '../../engine/index.js';
import type { LatestState } from './ingest-cache.js';

export interface VersionMetadata {
  readonly commit?: string | undefined;
  readonly branch?: string | undefined;
  readonly author?: string | undefined;
  readonly message?: string | undefined;
  /** Where the change came from, e.g. `pr:812`. */
  readonly source?: string | undefined;
}

export interface EnvironmentInfo {
  readonly name: string;
  readonly kind: string;
  readonly repo: string | null;
  readonly branch: string | null;
  readonly createdAt: Date;
  readonly latestVersion: number;
}

export interface VersionInfo {
  readonly environment: string;
  readonly number: number;
  readonly createdAt: Date;
  readonly commit: string | null;
  readonly branch: string | null;
  readonly author: string | null;
  readonly message: string | null;
  readonly source: string | null;
  readonly digest: string;
  readonly objectCount: number;
  readonly added: number;
  readonly modified: number;
  readonly removed: number;
}

/** An object of a version as stored. */
export interface StoredObject {
  readonly id: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly known: boolean;
  readonly hash: string;
  /** First version holding this content, and the version that replaced it (null: still current). */
  readonly validFrom: number;
  readonly validTo: number | null;
  readonly body: JsonObject;
}

/** One object ready to store: identity, content hash and canonical JSON. */
export interface ObjectToStore {
  readonly id: string;
  readonly apiGroup: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly known: boolean;
  readonly hash: string;
  readonly canonicalJson: string;
  readonly sourceFile: string | null;
}

/** An object to store whose canonical JSON may be left out (null): it is only needed if written. */
export type ObjectRecord = Omit<ObjectToStore, 'canonicalJson'> & {
  readonly canonicalJson: string | null;
};

export interface StoreVersionInput {
  readonly environment: string;
  readonly metadata: VersionMetadata;
  readonly digest: string;
  readonly objects: readonly ObjectRecord[];
  /**
   * The caller's idea of the latest version (ingest-cache.ts), asked for once the environment is
   * locked; used only if it names the version that is latest then (its map is then updated in
   * place). Without it (or when stale) the latest objects are read from the database.
   */
  readonly latest?: () => LatestState | null;
  /**
   * When `latest` yields exactly `state`: all objects but `fresh` are as in it (their parse units
   * were cached with it), so the change set is computed from `fresh` alone.
   */
  readonly candidates?: {
    readonly state: LatestState;
    readonly unchanged: number;
    readonly fresh: readonly ObjectRecord[];
  };
  /** Canonical JSON of objects given without it, by id: called only for objects to write. */
  readonly canonicalJsonOf?: (ids: readonly string[]) => ReadonlyMap<string, string>;
}

export interface StoreVersionResult {
  /** False when the content equals the latest version's: nothing was written. */
  readonly created: boolean;
  readonly version: VersionInfo;
  /** Rows written by this call (0 when unchanged), for the O(changes) guarantee. */
  readonly rowsWritten: number;
  /** The latest version's objects after this call, when known (for the ingest cache). */
  readonly latest: LatestState | null;
}

export interface ObjectFilter {
  readonly kind?: string | undefined;
  readonly namespace?: string | undefined;
  readonly name?: string | undefined;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly totalCount: number;
  readonly nextCursor: string | null;
}
