import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class RetentionPolicyDto {
  @ApiProperty() environment!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Keep the newest N versions' })
  keepVersions!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Keep versions created in the last D days',
  })
  keepDays!: number | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'null: no policy (everything is kept)',
  })
  updatedAt!: string | null;
}

export class RetentionPolicyBodyDto {
  @ApiPropertyOptional({ nullable: true, type: Number }) keepVersions?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) keepDays?: number | null;
}

export class VersionTagDto {
  @ApiProperty() environment!: string;
  @ApiProperty({ example: 'release-2026.03' }) tag!: string;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
}

export class TagBodyDto {
  @ApiProperty({ description: 'The version to tag (also accepted as ?version=)' }) version!: number;
}

export class TagQueryDto {
  @ApiPropertyOptional({ description: 'The version to tag (instead of the JSON body)' })
  version?: string;
}

export class PruneQueryDto {
  @ApiPropertyOptional({ description: 'true: report what would be removed, change nothing' })
  dryRun?: string;
}

export class PruneReportDto {
  @ApiProperty() environment!: string;
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({
    type: RetentionPolicyDto,
    nullable: true,
    description: 'null: no policy, nothing pruned',
  })
  policy!: RetentionPolicyDto | null;
  @ApiProperty() keptVersionCount!: number;
  @ApiProperty({ type: [Number] }) prunedVersions!: number[];
  @ApiProperty({ description: 'Temporal rows no kept version could see' })
  revisionsDeleted!: number;
  @ApiProperty({ description: 'Content blobs nothing referenced any more' }) blobsDeleted!: number;
}
