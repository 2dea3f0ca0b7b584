import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { VersionRefQueryDto } from '../snapshots/dto/snapshot.dto.js';
import { parseTimestamp, parseVersionQuery } from '../snapshots/snapshots.service.js';
import { asList, parseBoolean, parseBucket, single } from './audit-query.js';
import { parseLimitParam } from './audit-paging.js';
import { toHistoryPageDto, toMatchPageDto, toTimelineRowDto } from './audit-rest.mapper.js';
import {
  HostHistoryQueryDto,
  ObjectHistoryPageDto,
  ObjectHistoryQueryDto,
  SearchQueryDto,
  TimelineQueryDto,
  TimelineRowDto,
  VersionMatchPageDto,
} from './dto/audit.dto.js';
import { ExportService } from './export.service.js';
import { HistoryService } from './history.service.js';
import { parseLabelSelector, SearchService } from './search.service.js';
import { ApiTokenAuth, ApiUnknown } from '../../platform/auth/api-docs.js';

const optionalTime = (value: string | undefined, name: string): Date | undefined =>
  value === undefined ? undefined : parseTimestamp(value, name);

@ApiTags('audit')
@ApiTokenAuth()
@Controller('api/v1/environments')
export class AuditController {
  constructor(
    private readonly history: HistoryService,
    private readonly search: SearchService,
    private readonly exports: ExportService,
  ) {}

  @Get(':env/history/objects/:kind/:namespace/:name')
  @ApiUnknown('environment')
  @ApiOperation({
    summary: 'Versions where one object changed, newest first, with field-level diffs',
    description:
      'Namespace "_" for cluster-scoped kinds. Each entry: change, version metadata (commit, author, time, source), diff.',
  })
  @ApiParam({ name: 'namespace', description: '"_" for cluster-scoped kinds' })
  @ApiOkResponse({ type: ObjectHistoryPageDto })
  async objectHistory(
    @Param('env') env: string,
    @Param('kind') kind: string,
    @Param('namespace') namespace: string,
    @Param('name') name: string,
    @Query() query: ObjectHistoryQueryDto,
  ): Promise<ObjectHistoryPageDto> {
    const key = { kind, namespace: namespace === '_' ? '' : namespace, name, group: query.group };
    const page = { limit: parseLimitParam(query.limit), after: query.cursor ?? null };
    return toHistoryPageDto(await this.history.objectHistory(env, key, page));
  }

  @Get(':env/history/hosts/:host')
  @ApiUnknown('environment')
  @ApiOperation({
    summary: 'Versions where objects naming a host changed (object-level)',
    description:
      'VirtualServices (hosts, route/mirror destinations) and DestinationRules (host) with short names expanded in ' +
      'their namespace, ServiceEntries (hosts) and the Kubernetes Service. Object-level for now: a change is listed ' +
      'even when effective routing stays the same, and wildcard hosts are not matched against concrete ones; the ' +
      'impact analysis will refine this to effective routing.',
  })
  @ApiOkResponse({ type: VersionMatchPageDto })
  async hostHistory(
    @Param('env') env: string,
    @Param('host') host: string,
    @Query() query: HostHistoryQueryDto,
  ): Promise<VersionMatchPageDto> {
    const page = { limit: parseLimitParam(query.limit), after: query.cursor ?? null };
    const result = await this.history.hostHistory(env, { host, namespace: query.namespace }, page);
    return toMatchPageDto(result);
  }

  @Get(':env/timeline')
  @ApiUnknown('environment')
  @ApiOperation({
    summary:
      'Versions and change counts per time bucket, as flat rows (for Grafana JSON/GraphQL datasources)',
    description:
      'One row per UTC hour/day/week from `from` (default: first version) to `to` (default: now).',
  })
  @ApiOkResponse({ type: [TimelineRowDto] })
  async timeline(
    @Param('env') env: string,
    @Query() query: TimelineQueryDto,
  ): Promise<TimelineRowDto[]> {
    const rows = await this.search.timeline(env, {
      bucket: parseBucket(query.bucket),
      from: optionalTime(query.from, 'from'),
      to: optionalTime(query.to, 'to'),
      fillEmpty: parseBoolean(query.fillEmpty, 'fillEmpty', true),
    });
    return rows.map(toTimelineRowDto);
  }

  @Get(':env/search')
  @ApiUnknown('environment')
  @ApiOperation({
    summary: 'Versions whose change touched a kind/namespace/name, a host or a label',
    description:
      'All object criteria must hold for the same object (before or after the change). Filters: author, source, ' +
      'from/to (creation time). Newest first; the matching objects of each version are listed.',
  })
  @ApiOkResponse({ type: VersionMatchPageDto })
  async searchVersions(
    @Param('env') env: string,
    @Query() query: SearchQueryDto,
  ): Promise<VersionMatchPageDto> {
    const host = single(query.host, 'host');
    const result = await this.search.searchVersions(
      env,
      {
        kind: single(query.kind, 'kind'),
        namespace: single(query.namespace, 'namespace'),
        name: single(query.name, 'name'),
        host:
          host === undefined
            ? undefined
            : { host, namespace: single(query.hostNamespace, 'hostNamespace') },
        labels: asList(query.label).map(parseLabelSelector),
      },
      {
        author: single(query.author, 'author'),
        source: single(query.source, 'source'),
        from: optionalTime(single(query.from, 'from'), 'from'),
        to: optionalTime(single(query.to, 'to'), 'to'),
      },
      {
        limit: parseLimitParam(single(query.limit, 'limit')),
        after: single(query.cursor, 'cursor') ?? null,
      },
    );
    return toMatchPageDto(result);
  }

  @Get(':env/export')
  @ApiUnknown('environment or version')
  @ApiOperation({
    summary: 'A version as a multi-document YAML bundle (objects in id order)',
    description:
      'Re-ingesting the bundle into any environment yields the same digest. Secrets carry no values.',
  })
  @ApiProduces('application/yaml')
  @ApiOkResponse({ description: 'Multi-document YAML', schema: { type: 'string' } })
  async exportVersion(
    @Param('env') env: string,
    @Query() query: VersionRefQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const bundle = await this.exports.exportVersion(
      env,
      parseVersionQuery(query.version, query.asOf),
    );
    response.setHeader('content-type', 'application/yaml; charset=utf-8');
    response.setHeader('x-meshlens-version', String(bundle.version));
    response.setHeader('x-meshlens-digest', bundle.digest);
    response.setHeader(
      'content-disposition',
      `attachment; filename="${env}-v${bundle.version}.yaml"`,
    );
    return bundle.yaml;
  }
}
