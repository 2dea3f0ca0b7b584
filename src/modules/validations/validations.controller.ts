import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { parseTimestamp, parseVersionRef } from '../snapshots/snapshots.service.js';
import { RequireScope } from '../../platform/auth/scopes.js';
import { ApiTokenAuth, ApiUnknown } from '../../platform/auth/api-docs.js';
import { readJsonObject } from '../../platform/http/json-body.js';
import { ValidationSettingsBodyDto, ValidationSettingsDto } from './dto/validation-settings.dto.js';
import { readDisabledCodes, readLevelOverrides } from './validation-settings-input.js';
import type { StoredValidationSettings } from './validation-settings.repository.js';
import { ValidationsService } from './validations.service.js';
import { toValidationsView } from './validations.resolver.js';
import { VersionValidations } from './models/validations.model.js';

@ApiTags('validations')
@ApiTokenAuth()
@Controller('api/v1/environments')
export class ValidationsController {
  constructor(private readonly validations: ValidationsService) {}

  @Get(':env/validations')
  @ApiUnknown('environment or version')
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
  @ApiQuery({
    name: 'level',
    required: false,
    enum: ['Error', 'Warning', 'Info'],
    description: 'Exactly as findings spell it; another value is refused with 400',
  })
  @ApiQuery({ name: 'kind', required: false, description: 'In any case: virtualservice matches' })
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

  @Get(':env/validation-settings')
  @ApiUnknown('environment')
  @ApiOperation({
    summary: "The environment's validation settings (disabled codes, level overrides)",
  })
  @ApiOkResponse({ type: ValidationSettingsDto })
  async getSettings(@Param('env') env: string): Promise<ValidationSettingsDto> {
    return toSettingsDto(await this.validations.getSettings(env));
  }

  @Put(':env/validation-settings')
  @ApiUnknown('environment')
  @RequireScope('admin')
  @ApiOperation({
    summary: 'Replace the validation settings',
    description:
      'Applied whenever findings are read (validations, impact and diff reports computed afterwards); ' +
      'stored findings are not recomputed. Unknown codes or levels: 400 listing every problem.',
  })
  @ApiBody({ type: ValidationSettingsBodyDto })
  @ApiOkResponse({ type: ValidationSettingsDto })
  async setSettings(
    @Param('env') env: string,
    @Body() body: unknown,
  ): Promise<ValidationSettingsDto> {
    const input = readJsonObject(body);
    const stored = await this.validations.setSettings(env, {
      disabledCodes: readDisabledCodes(input['disabledCodes']),
      levelOverrides: readLevelOverrides(input['levelOverrides']),
    });
    return toSettingsDto(stored);
  }
}

function toSettingsDto(settings: StoredValidationSettings): ValidationSettingsDto {
  return {
    environment: settings.environment,
    disabledCodes: [...settings.disabledCodes],
    levelOverrides: { ...settings.levelOverrides },
    updatedAt: settings.updatedAt?.toISOString() ?? null,
  };
}
