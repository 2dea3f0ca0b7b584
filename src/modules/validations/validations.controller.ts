import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { parseTimestamp, parseVersionRef } from '../snapshots/snapshots.service.js';
import { ValidationsService } from './validations.service.js';
import { toValidationsView } from './validations.resolver.js';
import { VersionValidations } from './models/validations.model.js';

@ApiTags('validations')
@Controller('api/v1/environments')
export class ValidationsController {
  constructor(private readonly validations: ValidationsService) {}

  @Get(':env/validations')
  @ApiOperation({ summary: 'Validation findings of a version (computed once, then cached)' })
  @ApiQuery({
    name: 'version',
    required: false,
    description: 'Version number or "latest" (default)',
  })
  @ApiQuery({
    name: 'asOf',
    required: false,
    description: 'ISO 8601: the version current at that time',
  })
  @ApiQuery({ name: 'code', required: false, description: 'MESH, IST or KIA code' })
  @ApiQuery({ name: 'level', required: false, enum: ['Error', 'Warning', 'Info'] })
  @ApiQuery({ name: 'kind', required: false })
  @ApiQuery({ name: 'namespace', required: false })
  @ApiQuery({ name: 'name', required: false })
  @ApiOkResponse({ type: VersionValidations })
  async list(
    @Param('env') env: string,
    @Query() query: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<VersionValidations> {
    const result = await this.validations.forVersion(
      env,
      parseVersionRef(query['version'] ?? 'latest'),
      query['asOf'] === undefined ? undefined : parseTimestamp(query['asOf']),
      {
        code: query['code'],
        level: query['level'],
        kind: query['kind'],
        namespace: query['namespace'],
        name: query['name'],
      },
    );
    response.setHeader('x-meshlens-cache', result.cached ? 'hit' : 'miss');
    return toValidationsView(result);
  }
}
