import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { JsonScalar } from '../../../platform/graphql/json.scalar.js';
import { SourceFileInput } from '../../ingest/models/ingest-result.model.js';

@ObjectType({ description: 'Counts and the risk verdict (none, low, medium, high)' })
export class ImpactSummary {
  @Field() risk!: string;
  @Field(() => Int) resourcesChanged!: number;
  @Field(() => Int) hostsChanged!: number;
  @Field(() => Int) routesChanged!: number;
  @Field(() => Int) workloadsUnreachable!: number;
  @Field(() => Int) workloadsNewlyReachable!: number;
  @Field(() => Int) exposuresLost!: number;
  @Field(() => Int) exposuresGained!: number;
  @Field(() => Int) findingsIntroduced!: number;
  @Field(() => Int) findingsResolved!: number;
}

@ObjectType()
export class HostChange {
  @Field() host!: string;
  @Field({ description: '"mesh" or "<ns>/<gateway>"' }) gateway!: string;
  @Field() change!: string;
}

@ObjectType({ description: "Percent of a route's traffic to one destination, before and after" })
export class WeightShift {
  @Field() destination!: string;
  @Field(() => String, { nullable: true }) subset!: string | null;
  @Field(() => Int, { nullable: true }) port!: number | null;
  @Field(() => Float) before!: number;
  @Field(() => Float) after!: number;
}

@ObjectType()
export class RouteChange {
  @Field() host!: string;
  @Field() gateway!: string;
  @Field({ description: '`<vs-ns>/<vs-name>#http[i]`' }) route!: string;
  @Field() change!: string;
  @Field(() => [WeightShift]) weightShifts!: WeightShift[];
}

@ObjectType()
export class ReachabilityEdgeChange {
  @Field() from!: string;
  @Field() to!: string;
  @Field() reason!: string;
}

@ObjectType()
export class ReachabilityChanges {
  @Field(() => [ReachabilityEdgeChange]) lost!: ReachabilityEdgeChange[];
  @Field(() => [ReachabilityEdgeChange]) gained!: ReachabilityEdgeChange[];
}

@ObjectType()
export class WorkloadChange {
  @Field() workload!: string;
  @Field() kind!: string;
  @Field(() => String, { nullable: true }) reason?: string | null;
}

@ObjectType()
export class Exposure {
  @Field() gateway!: string;
  @Field() host!: string;
  @Field(() => Int) port!: number;
  @Field() protocol!: string;
}

@ObjectType()
export class ExposureChanges {
  @Field(() => [Exposure]) lost!: Exposure[];
  @Field(() => [Exposure]) gained!: Exposure[];
}

@ObjectType({
  description: 'The impact report (contracts/impact-report.md) as GraphQL types, same names',
})
export class ImpactReport {
  @Field(() => Int) schemaVersion!: number;
  @Field(() => JsonScalar) base!: unknown;
  @Field(() => JsonScalar) target!: unknown;
  @Field(() => ImpactSummary) summary!: ImpactSummary;
  @Field(() => JsonScalar, { description: 'Changed objects with field-level changes' })
  resources!: unknown;
  @Field(() => [HostChange]) hosts!: HostChange[];
  @Field(() => [RouteChange]) routes!: RouteChange[];
  @Field(() => ReachabilityChanges) reachability!: ReachabilityChanges;
  @Field(() => [WorkloadChange]) unreachableWorkloads!: WorkloadChange[];
  @Field(() => [WorkloadChange]) newlyReachableWorkloads!: WorkloadChange[];
  @Field(() => ExposureChanges) exposures!: ExposureChanges;
  @Field(() => JsonScalar, { description: '{ introduced: Finding[], resolved: Finding[] }' })
  findings!: unknown;
  @Field(() => [String]) notes!: string[];
  @Field(() => JsonScalar, {
    description: 'The whole report as JSON, byte-for-byte the REST answer',
  })
  json!: unknown;
}

@InputType()
export class ImpactInput {
  @Field() environment!: string;
  @Field(() => [SourceFileInput]) files!: SourceFileInput[];
  @Field(() => Int, { nullable: true, description: 'Base version; omitted = latest' }) base?:
    number | null;
  @Field({ defaultValue: 'default' }) defaultNamespace!: string;
}

@InputType()
export class ProposalInput extends ImpactInput {
  @Field(() => String, { nullable: true, description: 'e.g. "pr:812"' }) source?: string | null;
  @Field(() => String, { nullable: true }) commit?: string | null;
  @Field(() => String, { nullable: true }) author?: string | null;
}
