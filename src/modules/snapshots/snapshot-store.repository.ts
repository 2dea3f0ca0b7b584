import { Injectable } from '@nestjs/common';
import type postgres from 'postgres';
import { SqlService } from '../../platform/database/sql.service.js';
import { writeCopyRows } from './copy-text.js';
import { toVersionInfo, type VersionRow } from './snapshots.mapper.js';
import type { ObjectToStore, StoreVersionInput, StoreVersionResult } from './snapshots.types.js';

interface CurrentRow {
  readonly id: string;
  readonly object_id: string;
  readonly hash: string;
}

interface ChangeSet {
  readonly toInsert: ObjectToStore[];
  readonly toClose: string[];
  readonly added: number;
  readonly modified: number;
  readonly removed: number;
}

const UNIQUE_VIOLATION = '23505';

const REVISION_COLUMNS =
  'environment_id, object_id, api_group, api_version, kind, namespace, name, known, hash, valid_from, source_file';

/**
 * Writes versions with temporal membership: one transaction per ingest, the environment row
 * locked FOR UPDATE so concurrent ingests get consecutive numbers, and rows written only for
 * objects added, changed or removed. Bulk rows go through COPY (postgres.js).
 */
@Injectable()
export class SnapshotStoreRepository {
  constructor(private readonly db: SqlService) {}

  async storeVersion(input: StoreVersionInput): Promise<StoreVersionResult> {
    const { sql } = this.db;
    return sql.begin(async (tx) => {
      // Inside the transaction: a failed ingest leaves not even an empty environment behind.
      await tx`INSERT INTO environment (name) VALUES (${input.environment}) ON CONFLICT (name) DO NOTHING`;
      const [env] = await tx<{ id: number; latest_version: number }[]>`
        SELECT id, latest_version FROM environment WHERE name = ${input.environment} FOR UPDATE`;
      if (env === undefined) {
        throw new Error(`environment ${input.environment} vanished during ingest`);
      }
      const latest = await this.latestVersion(tx, env.id, env.latest_version);
      if (latest?.digest === input.digest) {
        return {
          created: false,
          version: toVersionInfo(input.environment, latest),
          rowsWritten: 0,
        };
      }
      const current = await tx<CurrentRow[]>`
        SELECT id::text AS id, object_id, hash FROM resource_revision
        WHERE environment_id = ${env.id} AND valid_to IS NULL`;
      const changes = computeChangeSet(current, input.objects);
      const number = env.latest_version + 1;
      const blobRows = await this.insertBlobs(tx, changes.toInsert);
      if (changes.toClose.length > 0) {
        await tx`UPDATE resource_revision SET valid_to = ${number}
                 WHERE id = ANY(${tx.array(changes.toClose)}::bigint[])`;
      }
      await this.insertRevisions(tx, env.id, number, changes.toInsert);
      const [row] = await tx<VersionRow[]>`
        INSERT INTO version (environment_id, number, created_at, commit, branch, author, message, source, digest,
                             object_count, added_count, modified_count, removed_count)
        VALUES (${env.id}, ${number}, clock_timestamp(), ${input.metadata.commit ?? null}, ${input.metadata.branch ?? null},
                ${input.metadata.author ?? null}, ${input.metadata.message ?? null},
                ${input.metadata.source ?? null}, ${input.digest}, ${input.objects.length},
                ${changes.added}, ${changes.modified}, ${changes.removed})
        RETURNING *`;
      await tx`UPDATE environment SET latest_version = ${number} WHERE id = ${env.id}`;
      if (row === undefined) {
        throw new Error('version insert returned no row');
      }
      const rowsWritten = blobRows + changes.toClose.length + changes.toInsert.length + 1;
      return { created: true, version: toVersionInfo(input.environment, row), rowsWritten };
    });
  }

  private async latestVersion(
    tx: postgres.TransactionSql,
    environmentId: number,
    number: number,
  ): Promise<VersionRow | undefined> {
    if (number === 0) {
      return undefined;
    }
    const [row] = await tx<VersionRow[]>`
      SELECT * FROM version WHERE environment_id = ${environmentId} AND number = ${number}`;
    return row;
  }

  /** Content-addressed: only hashes the store lacks are copied; ON CONFLICT covers races. */
  private async insertBlobs(
    tx: postgres.TransactionSql,
    objects: readonly ObjectToStore[],
  ): Promise<number> {
    const byHash = new Map<string, string>();
    for (const object of objects) {
      byHash.set(object.hash, object.canonicalJson);
    }
    if (byHash.size === 0) {
      return 0;
    }
    const existing = await tx<{ hash: string }[]>`
      SELECT hash FROM blob WHERE hash = ANY(${tx.array([...byHash.keys()])}::text[])`;
    for (const { hash } of existing) {
      byHash.delete(hash);
    }
    if (byHash.size === 0) {
      return 0;
    }
    // Fast path: COPY straight into blob. Another environment's ingest may insert one of these
    // hashes between our SELECT and the COPY (unique violation): then redo it through a staging
    // table with ON CONFLICT DO NOTHING. The savepoint keeps the transaction usable.
    try {
      await tx.savepoint(async (sp) => {
        await writeCopyRows(
          await sp`COPY blob (hash, body) FROM STDIN`.writable(),
          byHash.entries(),
        );
      });
      return byHash.size;
    } catch (error) {
      if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) {
        throw error;
      }
    }
    await tx`CREATE TEMP TABLE blob_in (hash text, body jsonb) ON COMMIT DROP`;
    const stream = await tx`COPY blob_in (hash, body) FROM STDIN`.writable();
    await writeCopyRows(stream, byHash.entries());
    const inserted =
      await tx`INSERT INTO blob (hash, body) SELECT hash, body FROM blob_in ON CONFLICT (hash) DO NOTHING`;
    return inserted.count;
  }

  private async insertRevisions(
    tx: postgres.TransactionSql,
    environmentId: number,
    number: number,
    objects: readonly ObjectToStore[],
  ): Promise<void> {
    if (objects.length === 0) {
      return;
    }
    const stream = await tx
      .unsafe(`COPY resource_revision (${REVISION_COLUMNS}) FROM STDIN`)
      .writable();
    await writeCopyRows(
      stream,
      objects.map((o) => [
        environmentId,
        o.id,
        o.apiGroup,
        o.apiVersion,
        o.kind,
        o.namespace,
        o.name,
        o.known,
        o.hash,
        number,
        o.sourceFile,
      ]),
    );
  }
}

function computeChangeSet(
  current: readonly CurrentRow[],
  objects: readonly ObjectToStore[],
): ChangeSet {
  const currentById = new Map(current.map((row) => [row.object_id, row]));
  const toInsert: ObjectToStore[] = [];
  const toClose: string[] = [];
  let added = 0;
  let modified = 0;
  const seen = new Set<string>();
  for (const object of objects) {
    seen.add(object.id);
    const previous = currentById.get(object.id);
    if (previous === undefined) {
      added += 1;
      toInsert.push(object);
    } else if (previous.hash !== object.hash) {
      modified += 1;
      toInsert.push(object);
      toClose.push(previous.id);
    }
  }
  let removed = 0;
  for (const row of current) {
    if (!seen.has(row.object_id)) {
      removed += 1;
      toClose.push(row.id);
    }
  }
  return { toInsert, toClose, added, modified, removed };
}
