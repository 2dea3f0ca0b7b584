import type postgres from 'postgres';
import type { CurrentObject } from './ingest-cache.js';
import {
  copyBlobs,
  copyRevisions,
  insertFewRevisions,
  SMALL_WRITE_ROWS,
} from './revision-writes.js';
import type { ObjectToStore } from './snapshots.types.js';

/** Bounds of a batch: 4,000 objects is ~5 MB of canonical JSON on a synthetic mesh. */
const MIN_BATCH_OBJECTS = 250;
const MAX_BATCH_OBJECTS = 4_000;

/**
 * Objects per batch for a parse of `freshUnits` new documents: about an eighth of them, within
 * 250..4,000. The last batch is written after the parse ends, so it should be small next to the
 * whole; a batch costs a few round trips, so not too small. Measured on the S mesh (959 objects,
 * A/B interleaved, medians of 12): one store after the parse 268 ms, batches of 250 220 ms, 160
 * 250 ms, 100 244 ms; on M (9,875 objects) batches of 1,250 beat 4,000 (2.0 s against 2.4 s).
 */
export function earlyWriteBatch(freshUnits: number): number {
  return Math.min(MAX_BATCH_OBJECTS, Math.max(MIN_BATCH_OBJECTS, Math.ceil(freshUnits / 8)));
}

/**
 * Where the rows go: the locked environment, the version being written and its predecessor's
 * objects. Known once the environment's lock is granted; the parse may start before that.
 */
export interface EarlyWriteTarget {
  readonly environmentId: number;
  readonly number: number;
  readonly current: ReadonlyMap<string, CurrentObject>;
}

/**
 * Rows written while the caller is still parsing, inside the store transaction: the parse (this
 * process) and the COPYs (the database server) then run at the same time. Nothing is written
 * before the environment's lock is granted (`target`). Objects are sent in batches, one after the
 * other on the transaction's connection: their blobs through copyBlobs (only hashes the store
 * lacks), then a revision row for each object that is new or changed against `current` (exactly
 * the rows the change set would insert for them).
 * Revision rows go as the store's other writes do: one INSERT from arrays up to SMALL_WRITE_ROWS,
 * else COPY (cheap since the client sets TCP_NODELAY, platform/database/postgres-client.ts).
 * Nothing is visible to others before the transaction commits, and a rejected snapshot rolls it
 * all back.
 */
export class EarlyWrites {
  private batch: ObjectToStore[] = [];
  private chain: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private failed = false;
  private failure: unknown = undefined;
  /** Hashes the store holds (written by this transaction or before it). */
  readonly handled = new Set<string>();
  /** Ids whose revision row of this version is written. */
  readonly inserted = new Set<string>();
  /** Blob rows written so far. */
  blobRows = 0;
  private ready = false;

  constructor(
    private readonly tx: postgres.TransactionSql,
    private readonly target: Promise<EarlyWriteTarget>,
    private readonly batchObjects: number,
  ) {
    target.then(
      () => (this.ready = true),
      () => (this.ready = true), // the failure surfaces through the writes or the caller's await
    );
  }

  /** Queues the objects' rows; a full batch is sent at once (without waiting for it). */
  add(objects: readonly ObjectToStore[]): void {
    for (const object of objects) {
      this.batch.push(object);
    }
    if (this.batch.length >= this.batchObjects) {
      this.send();
    }
  }

  /**
   * Whether the lock is still being taken or a batch is being written: the caller should then let
   * the event loop run (each of the lock's round trips, and each COPY chunk, needs a turn of it).
   */
  get busy(): boolean {
    return !this.ready || this.inFlight > 0;
  }

  /** Sends the last batch and waits for all; throws the first write error. */
  async flush(): Promise<void> {
    if (this.batch.length > 0) {
      this.send();
    }
    await this.chain;
    if (this.failed) {
      throw this.failure;
    }
  }

  /** Drops what is not sent yet and waits for what is (before the transaction rolls back). */
  async abandon(): Promise<void> {
    this.batch = [];
    await this.chain;
  }

  private async write(objects: readonly ObjectToStore[]): Promise<void> {
    const { environmentId, number, current } = await this.target;
    const missing = objects.filter((object) => !this.handled.has(object.hash));
    this.blobRows += await copyBlobs(this.tx, missing);
    for (const object of objects) {
      this.handled.add(object.hash);
    }
    const rows = objects.filter((object) => current.get(object.id)?.hash !== object.hash);
    const writeRevisions = rows.length <= SMALL_WRITE_ROWS ? insertFewRevisions : copyRevisions;
    await writeRevisions(this.tx, environmentId, number, rows);
    for (const object of rows) {
      this.inserted.add(object.id);
    }
  }

  private send(): void {
    const objects = this.batch;
    this.batch = [];
    this.inFlight += 1;
    this.chain = this.chain
      .then(() => (this.failed ? undefined : this.write(objects)))
      .catch((error: unknown) => {
        if (!this.failed) {
          this.failed = true;
          this.failure = error;
        }
      })
      .finally(() => {
        this.inFlight -= 1;
      });
  }
}
