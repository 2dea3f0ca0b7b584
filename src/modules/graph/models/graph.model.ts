import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { JsonScalar } from '../../../platform/graphql/json.scalar.js';
import { CountedConnection } from '../../../platform/graphql/page-info.model.js';

@ObjectType()
export class ServicePortView {
  @Field(() => Int) number!: number;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field() protocol!: string;
}

@ObjectType({ description: 'A registry entry: a Kubernetes Service or one host of a ServiceEntry' })
export class MeshService {
  @Field() kind!: string;
  @Field() namespace!: string;
  @Field() name!: string;
  @Field({ description: 'Fully qualified host' }) hostname!: string;
  @Field(() => [ServicePortView]) ports!: ServicePortView[];
  @Field(() => JsonScalar, { nullable: true }) selector!: unknown;
  @Field(() => [String], { description: 'exportTo as resolved (R3)' }) exportTo!: string[];
  @Field(() => [String]) addresses!: string[];
  @Field(() => String, { nullable: true }) resolution!: string | null;
  @Field(() => String, { nullable: true }) location!: string | null;
  @Field(() => [String], { description: 'Workload ids behind it' }) workloads!: string[];
}

@ObjectType()
export class MeshWorkload {
  @Field({ description: '<namespace>/<controller name>' }) id!: string;
  @Field() kind!: string;
  @Field() namespace!: string;
  @Field() name!: string;
  @Field(() => JsonScalar) labels!: unknown;
  @Field() serviceAccount!: string;
  @Field() identity!: string;
  @Field() inMesh!: boolean;
  @Field() inMeshReason!: string;
  @Field() isGatewayProxy!: boolean;
  @Field({
    description: 'Modelled (e.g. the assumed default ingress gateway), not in the snapshot',
  })
  isAssumed!: boolean;
  @Field({ description: 'Some source other than itself reaches it' }) isReachable!: boolean;
}

@ObjectType()
export class GatewayServerView {
  @Field(() => Int) port!: number;
  @Field() protocol!: string;
  @Field(() => [String], { description: '`ns/host` as resolved (R4)' }) hosts!: string[];
  @Field(() => String, { nullable: true }) tlsMode!: string | null;
}

@ObjectType({
  description: 'A (gateway, host, port) the Gateway serves and a bound VirtualService routes',
})
export class GatewayExposure {
  @Field() gateway!: string;
  @Field() host!: string;
  @Field(() => Int) port!: number;
  @Field() protocol!: string;
}

@ObjectType()
export class MeshGateway {
  @Field() id!: string;
  @Field(() => JsonScalar, { nullable: true }) selector!: unknown;
  @Field(() => [String], { description: 'Gateway proxy workloads serving it' }) proxies!: string[];
  @Field(() => [GatewayServerView]) servers!: GatewayServerView[];
  @Field(() => [GatewayExposure]) exposures!: GatewayExposure[];
  @Field(() => [String]) notes!: string[];
}

@ObjectType()
export class MeshVirtualService {
  @Field() id!: string;
  @Field(() => [String], { description: 'Fully qualified (R2)' }) hosts!: string[];
  @Field(() => [String], { description: '`mesh` and/or `ns/name` (R2, R4)' }) gateways!: string[];
  @Field(() => [String]) exportTo!: string[];
  @Field() isDelegate!: boolean;
  @Field(() => Int) httpRules!: number;
  @Field(() => Int) tcpRules!: number;
  @Field(() => Int) tlsRules!: number;
}

@ObjectType()
export class MeshDestinationRule {
  @Field() id!: string;
  @Field() host!: string;
  @Field(() => [String]) exportTo!: string[];
  @Field(() => [String]) subsets!: string[];
  @Field(() => JsonScalar, { nullable: true }) trafficPolicy!: unknown;
}

@ObjectType()
export class RouteDestinationView {
  @Field() host!: string;
  @Field(() => String, { nullable: true }) subset!: string | null;
  @Field(() => Int, { nullable: true }) port!: number | null;
  @Field(() => Float, { description: "Percent of the route's traffic (R11)" }) weight!: number;
}

@ObjectType()
export class RouteView {
  @Field({ description: '`<vs-ns>/<vs-name>#http[i]`, or `default`' }) ref!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => JsonScalar) matches!: unknown;
  @Field(() => [RouteDestinationView]) destinations!: RouteDestinationView[];
  @Field(() => JsonScalar, {
    description: 'rewrite, redirect, fault, retries, timeout… as written',
  })
  policies!: unknown;
}

@ObjectType({ description: 'What a proxy programs for host:port' })
export class RouteTableView {
  @Field() proxy!: string;
  @Field() host!: string;
  @Field(() => Int) port!: number;
  @Field({ description: 'routed, default, passthrough, blackhole or no-route' }) status!: string;
  @Field(() => [String]) virtualServices!: string[];
  @Field(() => [RouteView]) http!: RouteView[];
  @Field(() => [RouteView]) tcp!: RouteView[];
  @Field(() => [RouteView]) tls!: RouteView[];
  @Field(() => [String]) notes!: string[];
}

@ObjectType()
export class ReachabilityEdge {
  @Field({ description: 'Workload id or external:<ns>/<gateway>' }) from!: string;
  @Field() to!: string;
  @Field() reason!: string;
}

@ObjectType()
export class ReachabilityEdgeNode {
  @Field() cursor!: string;
  @Field(() => ReachabilityEdge) node!: ReachabilityEdge;
}

@ObjectType()
export class ReachabilityConnection extends CountedConnection {
  @Field(() => [ReachabilityEdgeNode]) edges!: ReachabilityEdgeNode[];
}

@ObjectType()
export class MeshServiceEdge {
  @Field() cursor!: string;
  @Field(() => MeshService) node!: MeshService;
}

@ObjectType()
export class MeshServiceConnection extends CountedConnection {
  @Field(() => [MeshServiceEdge]) edges!: MeshServiceEdge[];
}

@ObjectType()
export class MeshWorkloadEdge {
  @Field() cursor!: string;
  @Field(() => MeshWorkload) node!: MeshWorkload;
}

@ObjectType()
export class MeshWorkloadConnection extends CountedConnection {
  @Field(() => [MeshWorkloadEdge]) edges!: MeshWorkloadEdge[];
}

@ObjectType({
  description: 'The resolved mesh of one version; every field reads one cached resolution',
})
export class MeshGraphView {
  @Field() environment!: string;
  @Field(() => Int) version!: number;
  @Field(() => [String], { description: 'Assumptions the results depend on' }) notes!: string[];
}

@InputType()
export class SimulateRequestInput {
  @Field({ description: '<ns>/<workload>, external:<ns>/<gateway> or mesh:<ns>' }) from!: string;
  @Field() host!: string;
  @Field(() => Int, { nullable: true }) port?: number | null;
  @Field(() => String, { nullable: true }) method?: string | null;
  @Field(() => String, { nullable: true, description: 'Path with query' }) path?: string | null;
  @Field(() => JsonScalar, { nullable: true, description: '{ "header": "value" }' })
  headers?: Record<string, string> | null;
  @Field(() => String, { nullable: true, description: 'http or https' }) scheme?: string | null;
  @Field(() => JsonScalar, { nullable: true }) sourceLabels?: Record<string, string> | null;
}
