import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import {
  Environment,
  MeshObject,
  MeshObjectConnection,
  Version,
  VersionConnection,
} from './models/snapshot.model.js';
import { MAX_PAGE_SIZE, SnapshotsService, type VersionRef } from './snapshots.service.js';
import type { Page } from './snapshots.types.js';

const versionArg = {
  type: () => Int,
  nullable: true,
  description: 'Version number; omitted (and no asOf) means the latest',
} as const;

const asOfArg = {
  type: () => Date,
  nullable: true,
  description:
    'As-of read: the newest version created at or before this instant (not with a version)',
} as const;

function toRef(version: number | null, asOf: Date | null): VersionRef {
  return { version: version ?? undefined, asOf: asOf ?? undefined };
}

function toConnection<T, N>(
  page: Page<T>,
  toNode: (item: T) => N,
  cursorOf: (item: T) => string,
): {
  edges: { cursor: string; node: N }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
} {
  const edges = page.items.map((item) => ({ cursor: cursorOf(item), node: toNode(item) }));
  return {
    edges,
    pageInfo: { hasNextPage: page.nextCursor !== null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: page.totalCount,
  };
}

@Resolver()
export class SnapshotsResolver {
  constructor(private readonly snapshots: SnapshotsService) {}

  @Query(() => [Environment], { description: 'All environments, by name' })
  environments(): Promise<Environment[]> {
    return this.snapshots.listEnvironments();
  }

  @Query(() => Environment)
  environment(@Args('name') name: string): Promise<Environment> {
    return this.snapshots.getEnvironment(name);
  }

  @Query(() => VersionConnection, { description: 'Versions of an environment, newest first' })
  async versions(
    @Args('environment') environment: string,
    @Args('first', { type: () => Int, defaultValue: 50, description: `At most ${MAX_PAGE_SIZE}` })
    first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('asOf', { ...asOfArg, description: 'Only versions created at or before this instant' })
    asOf: Date | null,
  ): Promise<VersionConnection> {
    const page = await this.snapshots.listVersions(environment, first, after ?? null, asOf ?? null);
    return toConnection(
      page,
      (v) => v,
      (v) => String(v.number),
    );
  }

  @Query(() => Version)
  version(
    @Args('environment') environment: string,
    @Args('number', versionArg) number: number | null,
    @Args('asOf', asOfArg) asOf: Date | null,
  ): Promise<Version> {
    return this.snapshots.getVersion(environment, toRef(number, asOf));
  }

  @Query(() => MeshObjectConnection, { description: 'Objects of a version, ordered by id' })
  async objects(
    @Args('environment') environment: string,
    @Args('version', versionArg) version: number | null,
    @Args('asOf', asOfArg) asOf: Date | null,
    @Args('kind', { type: () => String, nullable: true }) kind: string | null,
    @Args('namespace', { type: () => String, nullable: true }) namespace: string | null,
    @Args('name', { type: () => String, nullable: true }) name: string | null,
    @Args('first', { type: () => Int, defaultValue: 100 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<MeshObjectConnection> {
    const page = await this.snapshots.listObjects(
      environment,
      toRef(version, asOf),
      { kind: kind ?? undefined, namespace: namespace ?? undefined, name: name ?? undefined },
      { limit: first, after: after ?? null },
    );
    return {
      ...toConnection(
        page,
        (o) => o,
        (o) => o.id,
      ),
      version: page.version,
    };
  }

  @Query(() => MeshObject, {
    description: "One object at a version ('' namespace for cluster-scoped)",
  })
  object(
    @Args('environment') environment: string,
    @Args('version', versionArg) version: number | null,
    @Args('kind') kind: string,
    @Args('namespace') namespace: string,
    @Args('name') name: string,
    @Args('asOf', asOfArg) asOf: Date | null,
  ): Promise<MeshObject> {
    return this.snapshots.getObject(environment, toRef(version, asOf), { kind, namespace, name });
  }
}
