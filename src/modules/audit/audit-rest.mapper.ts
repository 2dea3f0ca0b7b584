import type {
  AuditPage,
  AuditVersion,
  ObjectHistoryEntry,
  TimelineRow,
  VersionMatch,
} from './audit.types.js';
import type {
  AuditVersionDto,
  ObjectHistoryEntryDto,
  ObjectHistoryPageDto,
  TimelineRowDto,
  VersionMatchPageDto,
} from './dto/audit.dto.js';
import type { PruneReportDto, RetentionPolicyDto, VersionTagDto } from './dto/retention.dto.js';
import type { PruneReport, RetentionPolicyInfo, VersionTagInfo } from './retention.types.js';

/** Domain results as REST bodies (dates as ISO strings). */
export function toAuditVersionDto(v: AuditVersion): AuditVersionDto {
  return { ...v, createdAt: v.createdAt?.toISOString() ?? null };
}

function toHistoryEntryDto(entry: ObjectHistoryEntry): ObjectHistoryEntryDto {
  return {
    ...entry,
    version: toAuditVersionDto(entry.version),
    object: { ...entry.object },
    fields: entry.fields.map((f) => ({ ...f })),
  };
}

export function toHistoryPageDto(page: AuditPage<ObjectHistoryEntry>): ObjectHistoryPageDto {
  return {
    items: page.items.map(toHistoryEntryDto),
    totalCount: page.totalCount,
    nextCursor: page.nextCursor,
  };
}

export function toMatchPageDto(page: AuditPage<VersionMatch>): VersionMatchPageDto {
  return {
    items: page.items.map((m) => ({
      version: toAuditVersionDto(m.version),
      objects: m.objects.map((o) => ({ ...o })),
      matchedObjectCount: m.matchedObjectCount,
    })),
    totalCount: page.totalCount,
    nextCursor: page.nextCursor,
  };
}

export function toTimelineRowDto(row: TimelineRow): TimelineRowDto {
  return { ...row, time: row.time.toISOString() };
}

export function toPolicyDto(policy: RetentionPolicyInfo): RetentionPolicyDto {
  return { ...policy, updatedAt: policy.updatedAt?.toISOString() ?? null };
}

export function toTagDto(tag: VersionTagInfo): VersionTagDto {
  return { ...tag, createdAt: tag.createdAt.toISOString() };
}

export function toPruneReportDto(report: PruneReport): PruneReportDto {
  return {
    ...report,
    policy: report.policy === null ? null : toPolicyDto(report.policy),
    prunedVersions: [...report.prunedVersions],
  };
}
