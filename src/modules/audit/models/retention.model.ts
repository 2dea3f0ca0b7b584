import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description: 'Retention of an environment; both rules null: no policy, everything is kept',
})
export class RetentionPolicy {
  @Field() environment!: string;
  @Field(() => Int, { nullable: true, description: 'Keep the newest N versions' })
  keepVersions!: number | null;
  @Field(() => Int, { nullable: true, description: 'Keep versions created in the last D days' })
  keepDays!: number | null;
  @Field(() => Date, { nullable: true }) updatedAt!: Date | null;
}

@InputType({
  description:
    'A version either rule keeps is kept; the latest and tagged versions are always kept. At least one rule.',
})
export class RetentionPolicyInput {
  @Field(() => Int, { nullable: true }) keepVersions?: number | null;
  @Field(() => Int, { nullable: true }) keepDays?: number | null;
}

@ObjectType({ description: 'A name on a version; tagged versions survive retention' })
export class VersionTag {
  @Field() environment!: string;
  @Field() tag!: string;
  @Field(() => Int) version!: number;
  @Field() createdAt!: Date;
}

@ObjectType({ description: 'What a prune removed (or, for a dry run, would remove)' })
export class PruneReport {
  @Field() environment!: string;
  @Field() dryRun!: boolean;
  @Field(() => RetentionPolicy, { nullable: true, description: 'null: no policy, nothing pruned' })
  policy!: RetentionPolicy | null;
  @Field(() => Int) keptVersionCount!: number;
  @Field(() => [Int]) prunedVersions!: number[];
  @Field(() => Int, { description: 'Temporal rows no kept version could see' })
  revisionsDeleted!: number;
  @Field(() => Int, { description: 'Content blobs nothing referenced any more' })
  blobsDeleted!: number;
}
