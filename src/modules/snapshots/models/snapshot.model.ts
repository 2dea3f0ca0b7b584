import { Field, Int, ObjectType } from '@nestjs/graphql';
import { JsonScalar } from '../../../platform/graphql/json.scalar.js';
import { CountedConnection } from '../../../platform/graphql/page-info.model.js';

@ObjectType({ description: 'A cluster, or a repository + branch, whose config is versioned' })
export class Environment {
  @Field() name!: string;
  @Field({ description: '"cluster" or "repo"' }) kind!: string;
  @Field(() => String, { nullable: true }) repo!: string | null;
  @Field(() => String, { nullable: true }) branch!: string | null;
  @Field() createdAt!: Date;
  @Field(() => Int) latestVersion!: number;
}

@ObjectType({ description: 'One ingested snapshot of an environment' })
export class Version {
  @Field() environment!: string;
  @Field(() => Int) number!: number;
  @Field() createdAt!: Date;
  @Field(() => String, { nullable: true }) commit!: string | null;
  @Field(() => String, { nullable: true }) branch!: string | null;
  @Field(() => String, { nullable: true }) author!: string | null;
  @Field(() => String, { nullable: true }) message!: string | null;
  @Field(() => String, { nullable: true }) source!: string | null;
  @Field() digest!: string;
  @Field(() => Int) objectCount!: number;
  @Field(() => Int) added!: number;
  @Field(() => Int) modified!: number;
  @Field(() => Int) removed!: number;
}

@ObjectType({ description: 'An object of a version, as stored' })
export class MeshObject {
  @Field() id!: string;
  @Field() apiVersion!: string;
  @Field() kind!: string;
  @Field() namespace!: string;
  @Field() name!: string;
  @Field() known!: boolean;
  @Field() hash!: string;
  @Field(() => Int) validFrom!: number;
  @Field(() => Int, { nullable: true }) validTo!: number | null;
  @Field(() => JsonScalar) body!: Record<string, unknown>;
}

@ObjectType()
export class VersionEdge {
  @Field() cursor!: string;
  @Field(() => Version) node!: Version;
}

@ObjectType()
export class VersionConnection extends CountedConnection {
  @Field(() => [VersionEdge]) edges!: VersionEdge[];
}

@ObjectType()
export class MeshObjectEdge {
  @Field() cursor!: string;
  @Field(() => MeshObject) node!: MeshObject;
}

@ObjectType()
export class MeshObjectConnection extends CountedConnection {
  @Field(() => [MeshObjectEdge]) edges!: MeshObjectEdge[];
  @Field(() => Version, { description: 'The version that answered (resolved from asOf)' })
  version!: Version;
}
