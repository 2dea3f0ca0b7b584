import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class EnvironmentDto {
  @ApiProperty({ example: 'prod-eu1' }) name!: string;
  @ApiProperty({ example: 'cluster', description: '"cluster" or "repo"' }) kind!: string;
  @ApiProperty({ nullable: true, type: String }) repo!: string | null;
  @ApiProperty({ nullable: true, type: String }) branch!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ description: 'Highest version number (0: none yet)' }) latestVersion!: number;
}

export class VersionDto {
  @ApiProperty() environment!: string;
  @ApiProperty({ description: 'Monotonic, gap-free per environment, from 1' }) number!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) commit!: string | null;
  @ApiProperty({ nullable: true, type: String }) branch!: string | null;
  @ApiProperty({ nullable: true, type: String }) author!: string | null;
  @ApiProperty({ nullable: true, type: String }) message!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'pr:812' }) source!: string | null;
  @ApiProperty({ description: 'sha256 over the sorted (object id, content hash) pairs' })
  digest!: string;
  @ApiProperty() objectCount!: number;
  @ApiProperty({ description: 'Objects added by this version' }) added!: number;
  @ApiProperty() modified!: number;
  @ApiProperty() removed!: number;
}

export class VersionPageDto {
  @ApiProperty({ type: [VersionDto] }) items!: VersionDto[];
  @ApiProperty() totalCount!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Pass as ?cursor= for the next page' })
  nextCursor!: string | null;
}

export class StoredObjectDto {
  @ApiProperty({ example: 'networking.istio.io/VirtualService/default/reviews' }) id!: string;
  @ApiProperty() apiVersion!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ description: "'' for cluster-scoped kinds" }) namespace!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'false: meshlens has no schema for this kind (stored, flagged)' })
  known!: boolean;
  @ApiProperty({ description: 'sha256 of the canonical JSON' }) hash!: string;
  @ApiProperty() validFrom!: number;
  @ApiProperty({ nullable: true, type: Number }) validTo!: number | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The object as stored (Secret values removed)',
  })
  body!: Record<string, unknown>;
}

export class ObjectPageDto {
  @ApiProperty({ type: VersionDto, description: 'The version that answered (resolved from asOf)' })
  version!: VersionDto;
  @ApiProperty({ type: [StoredObjectDto] }) items!: StoredObjectDto[];
  @ApiProperty() totalCount!: number;
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class ListQueryDto {
  @ApiPropertyOptional({ description: 'Page size (1-500, default 100)' }) limit?: string;
  @ApiPropertyOptional({ description: 'Cursor from the previous page' }) cursor?: string;
}

const KIND_DESCRIPTION =
  'Kubernetes kind; Istio, core Kubernetes and Gateway API kinds match in any case as kubectl does (virtualservice finds VirtualService), other kinds as written';

const AS_OF_DESCRIPTION =
  'ISO 8601 instant (e.g. 2026-03-01T14:00:00Z; no zone means UTC): the newest version created at or before it';

export class VersionListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({
    description: `Only versions created at or before this instant. ${AS_OF_DESCRIPTION}`,
  })
  asOf?: string;
}

/** `version` or `asOf` (not both); neither means the latest version. */
export class VersionRefQueryDto {
  @ApiPropertyOptional({ description: 'A version number or "latest" (default)' }) version?: string;
  @ApiPropertyOptional({ description: AS_OF_DESCRIPTION }) asOf?: string;
}

export class AsOfObjectQueryDto extends VersionRefQueryDto {
  @ApiPropertyOptional({ description: 'Page size (1-500, default 100)' }) limit?: string;
  @ApiPropertyOptional({ description: 'Cursor from the previous page' }) cursor?: string;
  @ApiPropertyOptional({ description: KIND_DESCRIPTION }) kind?: string;
  @ApiPropertyOptional() namespace?: string;
  @ApiPropertyOptional() name?: string;
}

export class ObjectQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: KIND_DESCRIPTION }) kind?: string;
  @ApiPropertyOptional() namespace?: string;
  @ApiPropertyOptional() name?: string;
}
