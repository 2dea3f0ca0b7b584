import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AuditVersionDto {
  @ApiProperty() number!: number;
  @ApiProperty({ description: 'true: retention removed this version; only its number is known' })
  isPruned!: boolean;
  @ApiProperty({ nullable: true, type: String }) createdAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) commit!: string | null;
  @ApiProperty({ nullable: true, type: String }) branch!: string | null;
  @ApiProperty({ nullable: true, type: String }) author!: string | null;
  @ApiProperty({ nullable: true, type: String }) message!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'pr:812' }) source!: string | null;
  @ApiProperty({ nullable: true, type: String }) digest!: string | null;
  @ApiProperty({ nullable: true, type: Number }) objectCount!: number | null;
  @ApiProperty({ nullable: true, type: Number }) added!: number | null;
  @ApiProperty({ nullable: true, type: Number }) modified!: number | null;
  @ApiProperty({ nullable: true, type: Number }) removed!: number | null;
}

export class FieldChangeDto {
  @ApiProperty({ example: 'spec.http[0].route[1].weight' }) path!: string;
  @ApiPropertyOptional({ description: 'Absent: the field was added' }) before?: unknown;
  @ApiPropertyOptional({ description: 'Absent: the field was removed' }) after?: unknown;
}

export class ObjectIdentityDto {
  @ApiProperty({ example: 'networking.istio.io/VirtualService/default/reviews' }) id!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() namespace!: string;
  @ApiProperty() name!: string;
}

export class ObjectHistoryEntryDto {
  @ApiProperty({ type: AuditVersionDto }) version!: AuditVersionDto;
  @ApiProperty({ type: ObjectIdentityDto }) object!: ObjectIdentityDto;
  @ApiProperty() apiVersion!: string;
  @ApiProperty({ enum: ['added', 'modified', 'removed'] }) change!: string;
  @ApiProperty({ nullable: true, type: String }) hashBefore!: string | null;
  @ApiProperty({ nullable: true, type: String }) hashAfter!: string | null;
  @ApiProperty({
    type: [FieldChangeDto],
    description:
      'Field-level diff against the previous content (empty for added/removed, and for cosmetic differences)',
  })
  fields!: FieldChangeDto[];
  @ApiProperty({
    description: 'Versions between the previous known content and this change were pruned',
  })
  spansPrunedVersions!: boolean;
}

export class ObjectHistoryPageDto {
  @ApiProperty({ type: [ObjectHistoryEntryDto] }) items!: ObjectHistoryEntryDto[];
  @ApiProperty() totalCount!: number;
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class TouchedObjectDto extends ObjectIdentityDto {
  @ApiProperty({ enum: ['added', 'modified', 'removed'] }) change!: string;
}

export class VersionMatchDto {
  @ApiProperty({ type: AuditVersionDto }) version!: AuditVersionDto;
  @ApiProperty({
    type: [TouchedObjectDto],
    description: 'Matching objects the version changed (first 100, by id)',
  })
  objects!: TouchedObjectDto[];
  @ApiProperty() matchedObjectCount!: number;
}

export class VersionMatchPageDto {
  @ApiProperty({ type: [VersionMatchDto] }) items!: VersionMatchDto[];
  @ApiProperty() totalCount!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Pass as ?cursor= for the next page' })
  nextCursor!: string | null;
}

export class TimelineRowDto {
  @ApiProperty({ description: 'Start of the bucket (UTC)' }) time!: string;
  @ApiProperty() versions!: number;
  @ApiProperty() added!: number;
  @ApiProperty() modified!: number;
  @ApiProperty() removed!: number;
  @ApiProperty({ description: 'added + modified + removed' }) changed!: number;
  @ApiProperty({ description: 'Distinct authors' }) authors!: number;
  @ApiProperty({ nullable: true, type: Number }) firstVersion!: number | null;
  @ApiProperty({ nullable: true, type: Number }) lastVersion!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Objects in the last version of the bucket',
  })
  objectCount!: number | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'null until impact reports are computed',
  })
  risk!: string | null;
}

export class PageQueryDto {
  @ApiPropertyOptional({ description: 'Page size (1-500, default 50)' }) limit?: string;
  @ApiPropertyOptional({ description: 'Cursor from the previous page' }) cursor?: string;
}

export class ObjectHistoryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'API group ("" for core); default: any group' })
  group?: string;
}

export class HostHistoryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Namespace of a short host name (default: any namespace)' })
  namespace?: string;
}

export class TimelineQueryDto {
  @ApiPropertyOptional({
    enum: ['hour', 'day', 'week'],
    description: 'Default day (UTC; weeks start Monday)',
  })
  bucket?: string;
  @ApiPropertyOptional({ description: 'ISO 8601, inclusive; default: the first version' })
  from?: string;
  @ApiPropertyOptional({ description: 'ISO 8601, inclusive; default: now' }) to?: string;
  @ApiPropertyOptional({ description: 'false: omit buckets without versions (default true)' })
  fillEmpty?: string;
}

export class SearchQueryDto extends PageQueryDto {
  @ApiPropertyOptional() kind?: string;
  @ApiPropertyOptional() namespace?: string;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional({
    description:
      'A host the changed object names (object-level), e.g. reviews.default.svc.cluster.local',
  })
  host?: string;
  @ApiPropertyOptional({ description: 'Namespace of a short host name' }) hostNamespace?: string;
  @ApiPropertyOptional({
    description:
      'Label key or key=value (repeat for several, all must match), e.g. backstage.io/kubernetes-id=reviews',
    type: [String],
  })
  label?: string | string[];
  @ApiPropertyOptional({ description: 'Version author (case-insensitive)' }) author?: string;
  @ApiPropertyOptional({ description: 'Version source, exact (e.g. pr:812)' }) source?: string;
  @ApiPropertyOptional({ description: 'Created at or after (ISO 8601)' }) from?: string;
  @ApiPropertyOptional({ description: 'Created at or before (ISO 8601)' }) to?: string;
}
