import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Res,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { AnyFilesInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { ImpactReport } from '../../engine/index.js';
import { ErrorResponseDto } from '../ingest/dto/ingest.dto.js';
import {
  requestField,
  sourceFilesFromRequest,
  type UploadedFile,
} from '../ingest/request-files.js';
import { parseVersionRef } from '../snapshots/snapshots.service.js';
import { DiffQueryDto, ImpactQueryDto } from './dto/impact.dto.js';
import { ImpactService } from './impact.service.js';
import { RequireScope } from '../../platform/auth/scopes.js';
import { ApiTokenAuth, ApiUnknown } from '../../platform/auth/api-docs.js';

const REPORT_SCHEMA = {
  description: 'The impact report (contracts/impact-report.md, schemaVersion 1)',
  schema: { type: 'object', additionalProperties: true },
} as const;

@ApiTags('impact')
@ApiTokenAuth()
@Controller('api/v1/environments')
export class ImpactController {
  constructor(private readonly impactService: ImpactService) {}

  @Get(':env/diff')
  @ApiUnknown('environment or version')
  @ApiOperation({ summary: 'What changed between two stored versions, and what it does' })
  @ApiOkResponse(REPORT_SCHEMA)
  async diff(
    @Param('env') env: string,
    @Query() query: DiffQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImpactReport> {
    const to = parseVersionRef(query.to ?? 'latest');
    const from = query.from === undefined ? null : parseVersionRef(query.from);
    const result = await this.impactService.diff(env, from ?? 'previous', to);
    response.setHeader('x-meshlens-cache', result.cached ? 'hit' : 'miss');
    return result.report;
  }

  @Post(':env/impact')
  @ApiUnknown('environment or version')
  @RequireScope('ingest')
  @HttpCode(HttpStatus.OK)
  @UseInterceptors(AnyFilesInterceptor({ preservePath: true }))
  @ApiOperation({
    summary: 'Impact of proposed manifests against a stored version (default: latest)',
    description:
      'Body as for ingest. Nothing becomes a version; with store=true the manifests are kept as a proposal.',
  })
  @ApiConsumes('application/yaml', 'application/json', 'multipart/form-data')
  @ApiBody({ schema: { type: 'string', description: 'Kubernetes/Istio manifests' } })
  @ApiOkResponse(REPORT_SCHEMA)
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Located input error' })
  async impact(
    @Param('env') env: string,
    @Query() query: ImpactQueryDto,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
    @UploadedFiles() uploads: UploadedFile[] | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImpactReport> {
    const pick = requestField<keyof ImpactQueryDto>(body, query);
    const result = await this.impactService.impact({
      environment: env,
      base: parseVersionRef(pick('base') ?? 'latest'),
      files: sourceFilesFromRequest(contentType, body, uploads),
      defaultNamespace: pick('namespace') ?? 'default',
      proposal:
        pick('store') === 'true'
          ? {
              source: pick('source') ?? null,
              commit: pick('commit') ?? null,
              author: pick('author') ?? null,
            }
          : null,
    });
    response.setHeader('x-meshlens-cache', result.cached ? 'hit' : 'miss');
    if (result.proposal !== null) {
      response.setHeader('x-meshlens-proposal', result.proposal.id);
    }
    return result.report;
  }
}
