import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VersionDto } from '../../snapshots/dto/snapshot.dto.js';

export class IngestQueryDto {
  @ApiPropertyOptional({ description: 'Git commit the snapshot was rendered from' })
  commit?: string;
  @ApiPropertyOptional() branch?: string;
  @ApiPropertyOptional() author?: string;
  @ApiPropertyOptional() message?: string;
  @ApiPropertyOptional({ description: 'Where the change came from, e.g. "pr:812"' })
  source?: string;
  @ApiPropertyOptional({ description: 'Namespace for objects without one (default "default")' })
  namespace?: string;
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description:
      'true: store a snapshot with no object (a version that removes every object). Without it such a snapshot (empty or comment-only documents) is refused with MESH0008, so a render step that produced nothing cannot wipe an environment',
  })
  allowEmpty?: string;
}

export class IngestWarningDto {
  @ApiProperty({ example: 'MESH0007' }) code!: string;
  @ApiProperty() file!: string;
  @ApiProperty({ nullable: true, type: Number }) document!: number | null;
  @ApiProperty({ nullable: true, type: Number }) line!: number | null;
  @ApiProperty() kind!: string;
  @ApiProperty() name!: string;
  @ApiProperty() message!: string;
}

export class IngestResultDto {
  @ApiProperty({ description: 'false: identical to the latest version, nothing stored' })
  created!: boolean;
  @ApiProperty({ type: VersionDto }) version!: VersionDto;
  @ApiProperty() message!: string;
  @ApiProperty() objectCount!: number;
  @ApiProperty({ description: 'Database rows written (O(changed objects))' }) rowsWritten!: number;
  @ApiProperty({
    type: [IngestWarningDto],
    description: 'e.g. kinds with no known schema: stored and flagged',
  })
  warnings!: IngestWarningDto[];
}

export class InputErrorDto {
  @ApiProperty({ example: 'INVALID_INPUT' }) code!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ example: 'after/99-broken.yaml' }) file?: string;
  @ApiPropertyOptional({ description: '0-based document index in the file' }) document?: number;
  @ApiPropertyOptional() line?: number;
  @ApiPropertyOptional() column?: number;
  @ApiPropertyOptional({ example: 'spec.http[0].route[0].weight' }) path?: string;
}

export class ErrorResponseDto {
  @ApiProperty({ type: InputErrorDto }) error!: InputErrorDto;
}
