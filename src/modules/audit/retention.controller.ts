import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError } from '../../platform/errors/domain-error.js';
import { readJsonObject } from '../../platform/http/json-body.js';
import { optionalCount, parseBoolean } from './audit-query.js';
import { toPolicyDto, toPruneReportDto, toTagDto } from './audit-rest.mapper.js';
import {
  PruneQueryDto,
  PruneReportDto,
  RetentionPolicyBodyDto,
  RetentionPolicyDto,
  TagBodyDto,
  TagQueryDto,
  VersionTagDto,
} from './dto/retention.dto.js';
import { RetentionService } from './retention.service.js';
import { RequireScope } from '../../platform/auth/scopes.js';
import { ApiTokenAuth, ApiUnknown } from '../../platform/auth/api-docs.js';

function tagVersionFrom(query: TagQueryDto, body: unknown): number {
  const fromBody = readJsonObject(body)['version'];
  const value = query.version === undefined ? fromBody : Number(query.version);
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new DomainError(
      'INVALID_ARGUMENT',
      'give the version to tag as {"version": N} or ?version=N',
    );
  }
  return value;
}

@ApiTags('retention')
@ApiTokenAuth()
@Controller('api/v1/environments')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get(':env/tags')
  @ApiUnknown('environment')
  @ApiOperation({ summary: 'Tags of an environment (tagged versions survive retention)' })
  @ApiOkResponse({ type: [VersionTagDto] })
  async listTags(@Param('env') env: string): Promise<VersionTagDto[]> {
    return (await this.retention.listTags(env)).map(toTagDto);
  }

  @Put(':env/tags/:tag')
  @ApiUnknown('environment or version')
  @RequireScope('admin')
  @ApiOperation({ summary: 'Tag a version (creates the tag, or moves it)' })
  @ApiBody({ type: TagBodyDto, required: false })
  @ApiCreatedResponse({ type: VersionTagDto, description: 'Tag created' })
  @ApiOkResponse({ type: VersionTagDto, description: 'Tag existed (now on this version)' })
  async tagVersion(
    @Param('env') env: string,
    @Param('tag') tag: string,
    @Query() query: TagQueryDto,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<VersionTagDto> {
    const result = await this.retention.tagVersion(env, tag, tagVersionFrom(query, body));
    response.status(result.created ? HttpStatus.CREATED : HttpStatus.OK);
    return toTagDto(result.tag);
  }

  @Delete(':env/tags/:tag')
  @ApiUnknown('environment or tag')
  @RequireScope('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a tag (the version may then be pruned)' })
  @ApiNoContentResponse()
  async untagVersion(@Param('env') env: string, @Param('tag') tag: string): Promise<void> {
    await this.retention.untagVersion(env, tag);
  }

  @Get(':env/retention')
  @ApiUnknown('environment')
  @ApiOperation({ summary: 'The retention policy (both rules null: none, everything is kept)' })
  @ApiOkResponse({ type: RetentionPolicyDto })
  async getPolicy(@Param('env') env: string): Promise<RetentionPolicyDto> {
    return toPolicyDto(await this.retention.getPolicy(env));
  }

  @Put(':env/retention')
  @ApiUnknown('environment')
  @RequireScope('admin')
  @ApiOperation({
    summary: 'Set the retention policy',
    description:
      'keepVersions (newest N) and/or keepDays (created in the last D days); a version either rule keeps is kept. ' +
      'The latest and tagged versions are always kept. Applied by POST .../prune.',
  })
  @ApiBody({ type: RetentionPolicyBodyDto })
  @ApiOkResponse({ type: RetentionPolicyDto })
  async setPolicy(@Param('env') env: string, @Body() body: unknown): Promise<RetentionPolicyDto> {
    const input = readJsonObject(body);
    const policy = await this.retention.setPolicy(env, {
      keepVersions: optionalCount(input, 'keepVersions'),
      keepDays: optionalCount(input, 'keepDays'),
    });
    return toPolicyDto(policy);
  }

  @Delete(':env/retention')
  @ApiUnknown('environment')
  @RequireScope('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove the retention policy (keep everything)' })
  @ApiNoContentResponse()
  async clearPolicy(@Param('env') env: string): Promise<void> {
    await this.retention.clearPolicy(env);
  }

  @Post(':env/prune')
  @ApiUnknown('environment')
  @RequireScope('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Apply the retention policy now and report what was removed',
    description:
      'Deletes pruned versions and the temporal rows no kept version can see (as-of reads of kept versions are ' +
      'unchanged), then content blobs nothing references. dryRun=true reports without changing anything.',
  })
  @ApiOkResponse({ type: PruneReportDto })
  async prune(@Param('env') env: string, @Query() query: PruneQueryDto): Promise<PruneReportDto> {
    const dryRun = parseBoolean(query.dryRun, 'dryRun', false);
    return toPruneReportDto(await this.retention.prune(env, { dryRun }));
  }
}
