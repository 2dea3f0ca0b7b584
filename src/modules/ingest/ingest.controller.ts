import { parseBoolean } from '../../platform/http/parse-boolean.js';
import {
  Body,
  Controller,
  Headers,
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
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { SourceFile } from '../../engine/index.js';
import { toVersionDto } from '../snapshots/snapshots.controller.js';
import { ErrorResponseDto, IngestQueryDto, IngestResultDto } from './dto/ingest.dto.js';
import { IngestService } from './ingest.service.js';
import { requestField, sourceFilesFromRequest, type UploadedFile } from './request-files.js';
import { RequireScope } from '../../platform/auth/scopes.js';
import { ApiTokenAuth } from '../../platform/auth/api-docs.js';

@ApiTags('ingest')
@ApiTokenAuth()
@Controller('api/v1/environments')
export class IngestController {
  constructor(private readonly ingestService: IngestService) {}

  @Post(':env/versions')
  @RequireScope('ingest')
  @UseInterceptors(AnyFilesInterceptor({ preservePath: true }))
  @ApiOperation({
    summary: 'Ingest a snapshot as the next version',
    description:
      'Body: multi-document YAML (application/yaml), JSON (application/json), or multipart/form-data files. ' +
      'Metadata as query parameters (or multipart fields). Identical content creates no version (200).',
  })
  @ApiConsumes('application/yaml', 'application/json', 'multipart/form-data')
  @ApiBody({ schema: { type: 'string', description: 'Kubernetes/Istio manifests' } })
  @ApiCreatedResponse({ type: IngestResultDto, description: 'A new version was stored' })
  @ApiOkResponse({
    type: IngestResultDto,
    description: 'Identical to the latest version: nothing stored',
  })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'Located input error; nothing stored',
  })
  async ingest(
    @Param('env') env: string,
    @Query() query: IngestQueryDto,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
    @UploadedFiles() uploads: UploadedFile[] | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IngestResultDto> {
    const pick = requestField<keyof IngestQueryDto>(body, query);
    const files: SourceFile[] = sourceFilesFromRequest(contentType, body, uploads);
    const result = await this.ingestService.ingest({
      environment: env,
      files,
      defaultNamespace: pick('namespace') ?? 'default',
      allowEmpty: parseBoolean(pick('allowEmpty'), 'allowEmpty', false),
      metadata: {
        commit: pick('commit'),
        branch: pick('branch'),
        author: pick('author'),
        message: pick('message'),
        source: pick('source'),
      },
    });
    response.status(result.created ? HttpStatus.CREATED : HttpStatus.OK);
    return { ...result, version: toVersionDto(result.version), warnings: [...result.warnings] };
  }
}
