import type postgres from 'postgres';
import type { CurrentObject } from './ingest-cache.js';
import { copyBlobs, insertFewRevisions } from './revision-writes.js';
import type { ObjectToStore } from './snapshots.types.js';

/** Objects per batch: ~5 MB of canonical JSON on a synthetic mesh, 13 batches for 50,000 objects. */
const BATCH_OBJECTS = 4_000;

/** Where the rows go: the locked environment, the version being written and its predecessor's objects. */
export interface EarlyWriteTarget {
  readonly environmentId: number;
  readonly number: number;
  readonly current: ReadonlyMap<string, CurrentObject>;
}

/**
 * Rows written while the caller is still parsing, inside the store transaction (environment
 * locked): the parse (this process) and the COPYs (the database server) then run at the same
 * time. Objects are sent in batches, one after the other on the transaction's connection: their
 * blobs through copyBlobs (only hashes the store lacks), then a revision row for each object that
 * is new or changed against `current` (exactly the rows the change set would insert for them).
 * Revision rows go as one INSERT from arrays, not COPY: postgres.js sends a COPY's end as a
 * separate small packet which, with Nagle's algorithm on its socket, waits for the server's
 * delayed ACK (~40 ms per COPY measured here); blobs stay on COPY, as serialising 60 MB of JSON
 * into array parameters costs more CPU than the wait.
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

  constructor(
    private readonly tx: postgres.TransactionSql,
    private readonly target: EarlyWriteTarget,
    private readonly batchObjects = BATCH_OBJECTS,
  ) {}

  /** Queues the objects' rows; a full batch is sent at once (without waiting for it). */
  add(objects: readonly ObjectToStore[]): void {
    for (const object of objects) {
      this.batch.push(object);
    }
    if (this.batch.length >= this.batchObjects) {
      this.send();
    }
  }

  /** Whether a batch is being written: the caller should then let the event loop run. */
  get busy(): boolean {
    return this.inFlight > 0;
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
    const { environmentId, number, current } = this.target;
    const missing = objects.filter((object) => !this.handled.has(object.hash));
    this.blobRows += await copyBlobs(this.tx, missing);
    for (const object of objects) {
      this.handled.add(object.hash);
    }
    const rows = objects.filter((object) => current.get(object.id)?.hash !== object.hash);
    await insertFewRevisions(this.tx, environmentId, number, rows);
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
