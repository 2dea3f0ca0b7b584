import { ApiPropertyOptional } from '@nestjs/swagger';

export class DiffQueryDto {
  @ApiPropertyOptional({
    description:
      'Base version number or "latest" (default: the newest stored version before `to`, which ' +
      'retention may have made older than `to - 1`)',
  })
  from?: string;
  @ApiPropertyOptional({ description: 'Target version number or "latest" (default "latest")' })
  to?: string;
}

export class ImpactQueryDto {
  @ApiPropertyOptional({ description: 'Base version number or "latest" (default)' }) base?: string;
  @ApiPropertyOptional({ description: 'Namespace for objects without one (default "default")' })
  namespace?: string;
  @ApiPropertyOptional({
    description: '"true" stores the manifests as a proposal linked to `source` (not a version)',
  })
  store?: string;
  @ApiPropertyOptional({ description: 'Where the change comes from, e.g. "pr:812"' })
  source?: string;
  @ApiPropertyOptional() commit?: string;
  @ApiPropertyOptional() author?: string;
}
