import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { JsonScalar } from '../../platform/graphql/json.scalar.js';
import { offsetConnection } from '../../platform/graphql/offset-connection.js';
import { GraphService } from './graph.service.js';
import {
  MeshDestinationRule,
  MeshGateway,
  MeshGraphView,
  MeshServiceConnection,
  MeshVirtualService,
  MeshWorkloadConnection,
  ReachabilityConnection,
  RouteTableView,
  SimulateRequestInput,
} from './models/graph.model.js';
import { toSimulateRequest } from './simulate-request.mapper.js';

const ns = { type: () => String, nullable: true } as const;
const first = { type: () => Int, defaultValue: 100 } as const;
const after = { type: () => String, nullable: true } as const;

@Resolver(() => MeshGraphView)
export class GraphResolver {
  constructor(private readonly graphs: GraphService) {}

  @Query(() => MeshGraphView, { description: 'The resolved mesh of a version (default latest)' })
  async graph(
    @Args('environment') environment: string,
    @Args('version', { type: () => Int, nullable: true }) version: number | null,
    @Args('asOf', {
      type: () => Date,
      nullable: true,
      description: 'The version current at this time',
    })
    asOf: Date | null,
  ): Promise<MeshGraphView> {
    const r = await this.graphs.resolve(environment, version ?? 'latest', asOf ?? undefined);
    return { environment, version: r.version, notes: [...r.reach.notes] };
  }

  @Query(() => JsonScalar, { description: 'Route simulation trace (contracts/simulate.md)' })
  async simulate(
    @Args('environment') environment: string,
    @Args('version', { type: () => Int, nullable: true }) version: number | null,
    @Args('request') request: SimulateRequestInput,
    @Args('asOf', { type: () => Date, nullable: true }) asOf: Date | null,
  ): Promise<unknown> {
    const r = await this.graphs.resolve(environment, version ?? 'latest', asOf ?? undefined);
    return this.graphs.simulate(r, toSimulateRequest(request));
  }

  private async at(view: MeshGraphView) {
    return this.graphs.resolve(view.environment, view.version);
  }

  @ResolveField(() => MeshServiceConnection)
  async services(
    @Parent() v: MeshGraphView,
    @Args('namespace', ns) namespace: string | null,
    @Args('first', first) n: number,
    @Args('after', after) cursor: string | null,
  ) {
    return offsetConnection(this.graphs.services(await this.at(v), namespace), n, cursor);
  }

  @ResolveField(() => [String], { description: 'Every service host (FQDN)' })
  async hosts(@Parent() v: MeshGraphView): Promise<string[]> {
    return this.graphs.hosts(await this.at(v));
  }

  @ResolveField(() => MeshWorkloadConnection)
  async workloads(
    @Parent() v: MeshGraphView,
    @Args('namespace', ns) namespace: string | null,
    @Args('first', first) n: number,
    @Args('after', after) cursor: string | null,
  ) {
    return offsetConnection(this.graphs.workloads(await this.at(v), namespace), n, cursor);
  }

  @ResolveField(() => [MeshGateway])
  async gateways(@Parent() v: MeshGraphView): Promise<MeshGateway[]> {
    return this.graphs.gateways(await this.at(v));
  }

  @ResolveField(() => [MeshVirtualService])
  async virtualServices(
    @Parent() v: MeshGraphView,
    @Args('namespace', ns) namespace: string | null,
  ): Promise<MeshVirtualService[]> {
    return this.graphs.virtualServices(await this.at(v), namespace);
  }

  @ResolveField(() => [MeshDestinationRule])
  async destinationRules(
    @Parent() v: MeshGraphView,
    @Args('namespace', ns) namespace: string | null,
  ): Promise<MeshDestinationRule[]> {
    return this.graphs.destinationRules(await this.at(v), namespace);
  }

  @ResolveField(() => [RouteTableView], {
    description:
      "Routes for a host, per port, as `mesh` (a namespace's sidecars) or a Gateway programs them",
  })
  async routes(
    @Parent() v: MeshGraphView,
    @Args('host') host: string,
    @Args('gateway', { defaultValue: 'mesh' }) gateway: string,
    @Args('namespace', { defaultValue: 'default', description: 'Client namespace for `mesh`' })
    namespace: string,
    @Args('port', { type: () => Int, nullable: true }) port: number | null,
  ): Promise<RouteTableView[]> {
    return this.graphs.routes(await this.at(v), host, gateway, namespace, port ?? null);
  }

  @ResolveField(() => ReachabilityConnection, {
    description: 'Source → workload edges (SEMANTICS §0)',
  })
  async reachability(
    @Parent() v: MeshGraphView,
    @Args('from', ns) from: string | null,
    @Args('to', ns) to: string | null,
    @Args('first', first) n: number,
    @Args('after', after) cursor: string | null,
  ) {
    return offsetConnection(this.graphs.reachability(await this.at(v), from, to), n, cursor);
  }

  @ResolveField(() => [String], {
    description: 'Workloads no source other than themselves reaches',
  })
  async unreachableWorkloads(@Parent() v: MeshGraphView): Promise<string[]> {
    return this.graphs.unreachableWorkloads(await this.at(v));
  }
}
