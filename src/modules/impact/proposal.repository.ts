import { Injectable } from '@nestjs/common';
import { SqlService } from '../../platform/database/sql.service.js';
import type { ObjectToStore } from '../snapshots/snapshots.types.js';

export interface ProposalRecord {
  readonly id: string;
  readonly environment: string;
  readonly baseVersion: number;
  readonly source: string | null;
  readonly createdAt: Date;
}

/** A proposed change stored without becoming a version: its blobs plus the list of hashes. */
@Injectable()
export class ProposalRepository {
  constructor(private readonly db: SqlService) {}

  async save(input: {
    environment: string;
    baseVersion: number;
    source: string | null;
    commit: string | null;
    author: string | null;
    digest: string;
    objects: readonly ObjectToStore[];
  }): Promise<ProposalRecord> {
    return this.db.sql.begin(async (tx) => {
      const [env] = await tx<
        { id: number }[]
      >`SELECT id FROM environment WHERE name = ${input.environment}`;
      if (env === undefined) {
        throw new Error(`environment ${input.environment} vanished`);
      }
      const hashes = input.objects.map((o) => o.hash);
      const bodies = input.objects.map((o) => o.canonicalJson);
      await tx`INSERT INTO blob (hash, body)
               SELECT h, b::jsonb FROM unnest(${tx.array(hashes)}::text[], ${tx.array(bodies)}::text[]) AS t(h, b)
               ON CONFLICT (hash) DO NOTHING`;
      const [row] = await tx<{ id: string; created_at: Date }[]>`
        INSERT INTO proposal (environment_id, base_version, source, commit, author, digest, object_hashes)
        VALUES (${env.id}, ${input.baseVersion}, ${input.source}, ${input.commit}, ${input.author}, ${input.digest}, ${tx.array(hashes)}::text[])
        RETURNING id::text AS id, created_at`;
      if (row === undefined) {
        throw new Error('proposal insert returned no row');
      }
      return {
        id: row.id,
        environment: input.environment,
        baseVersion: input.baseVersion,
        source: input.source,
        createdAt: row.created_at,
      };
    });
  }
}
