import { Field, Int, ObjectType } from '@nestjs/graphql';

/** Relay PageInfo (forward pagination). */
@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType({ isAbstract: true })
export abstract class CountedConnection {
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}
