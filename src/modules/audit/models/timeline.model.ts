import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum TimelineBucketUnit {
  HOUR = 'hour',
  DAY = 'day',
  WEEK = 'week',
}
registerEnumType(TimelineBucketUnit, {
  name: 'TimelineBucket',
  description: 'UTC buckets; weeks start on Monday',
});

@ObjectType({
  description:
    'One time bucket of an environment timeline: flat, so a Grafana GraphQL/JSON datasource charts it directly',
})
export class TimelineRow {
  @Field({ description: 'Start of the bucket (UTC)' }) time!: Date;
  @Field(() => Int) versions!: number;
  @Field(() => Int) added!: number;
  @Field(() => Int) modified!: number;
  @Field(() => Int) removed!: number;
  @Field(() => Int, { description: 'added + modified + removed' }) changed!: number;
  @Field(() => Int, { description: 'Distinct authors' }) authors!: number;
  @Field(() => Int, { nullable: true }) firstVersion!: number | null;
  @Field(() => Int, { nullable: true }) lastVersion!: number | null;
  @Field(() => Int, { nullable: true, description: 'Objects in the last version of the bucket' })
  objectCount!: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'Highest impact risk; null until impact reports exist',
  })
  risk!: string | null;
}

@ObjectType({
  description: 'A version as a multi-document YAML bundle; re-ingesting it gives the same digest',
})
export class VersionExport {
  @Field() environment!: string;
  @Field(() => Int) version!: number;
  @Field() digest!: string;
  @Field(() => Int) objectCount!: number;
  @Field() yaml!: string;
}
