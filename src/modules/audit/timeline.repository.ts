import { Injectable } from '@nestjs/common';
import { SqlService } from '../../platform/database/sql.service.js';
import type { TimelineBucket, TimelineRow } from './audit.types.js';

interface TimelineSqlRow {
  readonly time: Date;
  readonly versions: string | number;
  readonly added: string | number;
  readonly modified: string | number;
  readonly removed: string | number;
  readonly authors: string | number;
  readonly first_version: number | null;
  readonly last_version: number | null;
  readonly object_count: number | null;
}

export interface TimelineQuery {
  readonly environmentId: number;
  readonly bucket: TimelineBucket;
  readonly from: Date;
  readonly to: Date;
  readonly fillEmpty: boolean;
}

const INTERVAL: Record<TimelineBucket, string> = { hour: '1 hour', day: '1 day', week: '1 week' };

/** Version counts per UTC hour, day or ISO week (weeks start on Monday, as date_trunc's). */
@Injectable()
export class TimelineRepository {
  constructor(private readonly db: SqlService) {}

  async firstVersionAt(environmentId: number): Promise<Date | null> {
    const [row] = await this.db.sql<{ first: Date | null }[]>`
      SELECT min(created_at) AS first FROM version WHERE environment_id = ${environmentId}`;
    return row?.first ?? null;
  }

  async timeline(query: TimelineQuery): Promise<TimelineRow[]> {
    const { sql } = this.db;
    const unit = query.bucket;
    const rows = await sql<TimelineSqlRow[]>`
      WITH agg AS (
        SELECT date_trunc(${unit}, ver.created_at AT TIME ZONE 'UTC') AS bucket,
               count(*) AS versions,
               sum(ver.added_count) AS added,
               sum(ver.modified_count) AS modified,
               sum(ver.removed_count) AS removed,
               count(DISTINCT ver.author) AS authors,
               min(ver.number) AS first_version,
               max(ver.number) AS last_version,
               (array_agg(ver.object_count ORDER BY ver.number DESC))[1] AS object_count
        FROM version ver
        WHERE ver.environment_id = ${query.environmentId}
          AND ver.created_at >= ${query.from} AND ver.created_at <= ${query.to}
        GROUP BY 1
      ), buckets AS (
        ${
          query.fillEmpty
            ? sql`SELECT generate_series(
                     date_trunc(${unit}, ${query.from}::timestamptz AT TIME ZONE 'UTC'),
                     date_trunc(${unit}, ${query.to}::timestamptz AT TIME ZONE 'UTC'),
                     ${INTERVAL[unit]}::interval) AS bucket`
            : sql`SELECT bucket FROM agg`
        }
      )
      SELECT b.bucket AT TIME ZONE 'UTC' AS time,
             coalesce(a.versions, 0) AS versions, coalesce(a.added, 0) AS added,
             coalesce(a.modified, 0) AS modified, coalesce(a.removed, 0) AS removed,
             coalesce(a.authors, 0) AS authors, a.first_version, a.last_version, a.object_count
      FROM buckets b LEFT JOIN agg a ON a.bucket = b.bucket
      ORDER BY b.bucket`;
    return rows.map(toTimelineRow);
  }
}

function toTimelineRow(row: TimelineSqlRow): TimelineRow {
  const added = Number(row.added);
  const modified = Number(row.modified);
  const removed = Number(row.removed);
  return {
    time: row.time,
    versions: Number(row.versions),
    added,
    modified,
    removed,
    changed: added + modified + removed,
    authors: Number(row.authors),
    firstVersion: row.first_version,
    lastVersion: row.last_version,
    objectCount: row.object_count,
    risk: null,
  };
}
