import { Injectable } from '@nestjs/common';
import { isJsonObject, type JsonObject } from '../../engine/index.js';
import { SqlService } from '../../platform/database/sql.service.js';

export interface ExportedObject {
  readonly id: string;
  readonly body: JsonObject;
}

/** The content of one version, read in object-id order with keyset pages. */
@Injectable()
export class ExportRepository {
  constructor(private readonly db: SqlService) {}

  async objectsAt(
    environmentId: number,
    version: number,
    after: string | null,
    limit: number,
  ): Promise<ExportedObject[]> {
    const { sql } = this.db;
    const rows = await sql<{ object_id: string; body: unknown }[]>`
      SELECT r.object_id, b.body
      FROM resource_revision r JOIN blob b ON b.hash = r.hash
      WHERE r.environment_id = ${environmentId}
        AND r.valid_from <= ${version} AND (r.valid_to IS NULL OR r.valid_to > ${version})
        ${after === null ? sql`` : sql`AND r.object_id > ${after}`}
      ORDER BY r.object_id
      LIMIT ${limit}`;
    return rows.map((row) => {
      if (!isJsonObject(row.body)) {
        throw new Error(`stored object ${row.object_id} has a non-object body`);
      }
      return { id: row.object_id, body: row.body };
    });
  }
}
