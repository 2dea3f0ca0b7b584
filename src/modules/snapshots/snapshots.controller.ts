import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../../platform/errors/domain-error.js';
import {
  AsOfObjectQueryDto,
  EnvironmentDto,
  ObjectPageDto,
  ObjectQueryDto,
  StoredObjectDto,
  VersionDto,
  VersionListQueryDto,
  VersionPageDto,
  VersionRefQueryDto,
} from './dto/snapshot.dto.js';
import {
  type ObjectPage,
  parseTimestamp,
  parseVersionQuery,
  parseVersionRef,
  SnapshotsService,
} from './snapshots.service.js';
import type { EnvironmentInfo, StoredObject, VersionInfo } from './snapshots.types.js';
import { ApiTokenAuth, ApiUnknown } from '../../platform/auth/api-docs.js';

const DEFAULT_LIMIT = 100;

@ApiTags('snapshots')
@ApiTokenAuth()
@Controller('api/v1/environments')
export class SnapshotsController {
  constructor(private readonly snapshots: SnapshotsService) {}

  @Get()
  @ApiOperation({ summary: 'List environments' })
  @ApiOkResponse({ type: [EnvironmentDto] })
  async listEnvironments(): Promise<EnvironmentDto[]> {
    return (await this.snapshots.listEnvironments()).map(toEnvironmentDto);
  }

  @Get(':env')
  @ApiUnknown('environment')
  @ApiOperation({ summary: 'One environment' })
  @ApiOkResponse({ type: EnvironmentDto })
  async getEnvironment(@Param('env') env: string): Promise<EnvironmentDto> {
    return toEnvironmentDto(await this.snapshots.getEnvironment(env));
  }

  @Get(':env/versions')
  @ApiUnknown('environment')
  @ApiOperation({
    summary: 'List versions, newest first (paginated)',
    description:
      'With asOf, only versions created at or before it: the first item is the as-of version.',
  })
  @ApiOkResponse({ type: VersionPageDto })
  async listVersions(
    @Param('env') env: string,
    @Query() query: VersionListQueryDto,
  ): Promise<VersionPageDto> {
    const asOf = query.asOf === undefined ? null : parseTimestamp(query.asOf);
    const page = await this.snapshots.listVersions(
      env,
      parseLimit(query.limit),
      query.cursor ?? null,
      asOf,
    );
    return {
      items: page.items.map(toVersionDto),
      totalCount: page.totalCount,
      nextCursor: page.nextCursor,
    };
  }

  @Get(':env/versions/:version')
  @ApiUnknown('environment or version')
  @ApiOperation({ summary: "One version's metadata" })
  @ApiParam({ name: 'version', description: 'A version number or "latest"' })
  @ApiOkResponse({ type: VersionDto })
  async getVersion(
    @Param('env') env: string,
    @Param('version') version: string,
  ): Promise<VersionDto> {
    return toVersionDto(await this.snapshots.getVersion(env, parseVersionRef(version)));
  }

  @Get(':env/versions/:version/objects')
  @ApiUnknown('environment or version')
  @ApiOperation({
    summary: 'The objects of a version, filtered by kind, namespace, name (paginated)',
  })
  @ApiParam({ name: 'version', description: 'A version number or "latest"' })
  @ApiOkResponse({ type: ObjectPageDto })
  async listObjects(
    @Param('env') env: string,
    @Param('version') version: string,
    @Query() query: ObjectQueryDto,
  ): Promise<ObjectPageDto> {
    const page = await this.snapshots.listObjects(
      env,
      parseVersionRef(version),
      { kind: query.kind, namespace: query.namespace, name: query.name },
      { limit: parseLimit(query.limit), after: query.cursor ?? null },
    );
    return toObjectPageDto(page);
  }

  @Get(':env/objects')
  @ApiUnknown('environment or version')
  @ApiOperation({
    summary: 'The objects of a version chosen by number or asOf (paginated)',
    description:
      'As-of read: `version` (number or "latest") or `asOf` (ISO 8601: the newest version created at or before it). ' +
      'Neither means the latest. The answering version is returned with the page.',
  })
  @ApiOkResponse({ type: ObjectPageDto })
  async listObjectsAsOf(
    @Param('env') env: string,
    @Query() query: AsOfObjectQueryDto,
  ): Promise<ObjectPageDto> {
    const page = await this.snapshots.listObjects(
      env,
      parseVersionQuery(query.version, query.asOf),
      { kind: query.kind, namespace: query.namespace, name: query.name },
      { limit: parseLimit(query.limit), after: query.cursor ?? null },
    );
    return toObjectPageDto(page);
  }

  @Get(':env/objects/:kind/:namespace/:name')
  @ApiUnknown('environment, version or object')
  @ApiOperation({
    summary:
      'One object at a version chosen by number or asOf; namespace "_" for cluster-scoped kinds',
  })
  @ApiOkResponse({ type: StoredObjectDto })
  async getObjectAsOf(
    @Param('env') env: string,
    @Param('kind') kind: string,
    @Param('namespace') namespace: string,
    @Param('name') name: string,
    @Query() query: VersionRefQueryDto,
  ): Promise<StoredObjectDto> {
    const key = { kind, namespace: namespace === '_' ? '' : namespace, name };
    const ref = parseVersionQuery(query.version, query.asOf);
    return toObjectDto(await this.snapshots.getObject(env, ref, key));
  }

  @Get(':env/versions/:version/objects/:kind/:namespace/:name')
  @ApiUnknown('environment, version or object')
  @ApiOperation({ summary: 'One object at a version; namespace "_" for cluster-scoped kinds' })
  @ApiOkResponse({ type: StoredObjectDto })
  async getObject(
    @Param('env') env: string,
    @Param('version') version: string,
    @Param('kind') kind: string,
    @Param('namespace') namespace: string,
    @Param('name') name: string,
  ): Promise<StoredObjectDto> {
    const key = { kind, namespace: namespace === '_' ? '' : namespace, name };
    return toObjectDto(await this.snapshots.getObject(env, parseVersionRef(version), key));
  }
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) {
    return DEFAULT_LIMIT;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new DomainError('INVALID_ARGUMENT', `limit must be a positive integer, got "${value}"`);
  }
  return n;
}

export function toEnvironmentDto(e: EnvironmentInfo): EnvironmentDto {
  return { ...e, createdAt: e.createdAt.toISOString() };
}

export function toVersionDto(v: VersionInfo): VersionDto {
  return { ...v, createdAt: v.createdAt.toISOString() };
}

export function toObjectDto(o: StoredObject): StoredObjectDto {
  return { ...o, body: o.body };
}

function toObjectPageDto(page: ObjectPage): ObjectPageDto {
  return {
    version: toVersionDto(page.version),
    items: page.items.map(toObjectDto),
    totalCount: page.totalCount,
    nextCursor: page.nextCursor,
  };
}
