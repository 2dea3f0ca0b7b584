import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { encodeHistoryCursor } from './audit-paging.js';
import { toHistoryConnection, toMatchConnection } from './audit-graphql.mapper.js';
import { VersionSearchInput } from './dto/search.input.js';
import { ExportService } from './export.service.js';
import { HistoryService } from './history.service.js';
import { ObjectHistoryConnection, VersionMatchConnection } from './models/audit.model.js';
import { TimelineBucketUnit, TimelineRow, VersionExport } from './models/timeline.model.js';
import { parseLabelSelector, SearchService } from './search.service.js';
import type {
  TimelineRow as TimelineRowData,
  VersionExport as VersionExportData,
} from './audit.types.js';

const firstArg = { type: () => Int, defaultValue: 50, description: 'At most 500' } as const;
const afterArg = { type: () => String, nullable: true } as const;
const orUndefined = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

@Resolver()
export class AuditResolver {
  constructor(
    private readonly history: HistoryService,
    private readonly search: SearchService,
    private readonly exports: ExportService,
  ) {}

  @Query(() => ObjectHistoryConnection, {
    description:
      'Versions where one object changed, newest first, with commit, author, time, source and field diffs',
  })
  async objectHistory(
    @Args('environment') environment: string,
    @Args('kind') kind: string,
    @Args('namespace', { description: "'' for cluster-scoped kinds" }) namespace: string,
    @Args('name') name: string,
    @Args('group', {
      type: () => String,
      nullable: true,
      description: "API group ('' for core); default any",
    })
    group: string | null,
    @Args('first', firstArg) first: number,
    @Args('after', afterArg) after: string | null,
  ): Promise<ObjectHistoryConnection> {
    const key = { kind, namespace, name, group: orUndefined(group) };
    const page = await this.history.objectHistory(environment, key, {
      limit: first,
      after: after ?? null,
    });
    return toHistoryConnection(page, (e) => encodeHistoryCursor(e.version.number, e.object.id));
  }

  @Query(() => VersionMatchConnection, {
    description:
      'Versions where objects naming a host changed (VirtualService/DestinationRule host fields with short names ' +
      'expanded in their namespace, ServiceEntry hosts, the Service). Object-level for now; the impact analysis ' +
      'will refine it to effective routing.',
  })
  async hostHistory(
    @Args('environment') environment: string,
    @Args('host') host: string,
    @Args('namespace', { type: () => String, nullable: true, description: 'For a short host name' })
    namespace: string | null,
    @Args('first', firstArg) first: number,
    @Args('after', afterArg) after: string | null,
  ): Promise<VersionMatchConnection> {
    const query = { host, namespace: orUndefined(namespace) };
    return toMatchConnection(
      await this.history.hostHistory(environment, query, { limit: first, after: after ?? null }),
    );
  }

  @Query(() => VersionMatchConnection, {
    description:
      'Versions whose change touched a kind/namespace/name, host or label; filtered by author, source, time',
  })
  async searchVersions(
    @Args('environment') environment: string,
    @Args('filter', { type: () => VersionSearchInput, nullable: true })
    filter: VersionSearchInput | null,
    @Args('first', firstArg) first: number,
    @Args('after', afterArg) after: string | null,
  ): Promise<VersionMatchConnection> {
    const f: Partial<VersionSearchInput> = filter ?? {};
    const host = orUndefined(f.host);
    const page = await this.search.searchVersions(
      environment,
      {
        kind: orUndefined(f.kind),
        namespace: orUndefined(f.namespace),
        name: orUndefined(f.name),
        host: host === undefined ? undefined : { host, namespace: orUndefined(f.hostNamespace) },
        labels: (f.labels ?? []).map(parseLabelSelector),
      },
      {
        author: orUndefined(f.author),
        source: orUndefined(f.source),
        from: orUndefined(f.from),
        to: orUndefined(f.to),
      },
      { limit: first, after: after ?? null },
    );
    return toMatchConnection(page);
  }

  @Query(() => [TimelineRow], {
    description:
      'Versions and change counts per UTC time bucket from `from` (default: the first version) to `to` (default: ' +
      'now), as flat rows a Grafana datasource charts without walking cursors',
  })
  versionTimeline(
    @Args('environment') environment: string,
    @Args('bucket', { type: () => TimelineBucketUnit, defaultValue: TimelineBucketUnit.DAY })
    bucket: TimelineBucketUnit,
    @Args('from', { type: () => Date, nullable: true }) from: Date | null,
    @Args('to', { type: () => Date, nullable: true }) to: Date | null,
    @Args('fillEmpty', {
      defaultValue: true,
      description: 'Zero rows for buckets without versions',
    })
    fillEmpty: boolean,
  ): Promise<TimelineRowData[]> {
    return this.search.timeline(environment, {
      bucket,
      from: orUndefined(from),
      to: orUndefined(to),
      fillEmpty,
    });
  }

  @Query(() => VersionExport, {
    description: 'A version (by number or asOf) as a multi-document YAML bundle',
  })
  versionExport(
    @Args('environment') environment: string,
    @Args('version', { type: () => Int, nullable: true, description: 'Default: the latest' })
    version: number | null,
    @Args('asOf', {
      type: () => Date,
      nullable: true,
      description: 'The newest version created at or before',
    })
    asOf: Date | null,
  ): Promise<VersionExportData> {
    return this.exports.exportVersion(environment, {
      version: orUndefined(version),
      asOf: orUndefined(asOf),
    });
  }
}
