import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { JsonScalar } from '../../../platform/graphql/json.scalar.js';

@ObjectType()
export class FindingResource {
  @Field() kind!: string;
  @Field() namespace!: string;
  @Field() name!: string;
}

@ObjectType({ description: 'One validation finding; codes as in `meshlens analyze`' })
export class ValidationFinding {
  @Field({ description: 'Our stable code, MESH + 4 digits' }) code!: string;
  @Field(() => String, { nullable: true, description: 'istioctl analyze code (IST0xxx)' })
  istioCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Kiali validation code (KIA0xxx)' })
  kialiCode?: string | null;
  @Field({ description: 'Error, Warning or Info' }) level!: string;
  @Field(() => FindingResource) resource!: FindingResource;
  @Field() path!: string;
  @Field(() => Int, { nullable: true }) line?: number | null;
  @Field() message!: string;
}

@ObjectType()
export class VersionValidations {
  @Field() environment!: string;
  @Field(() => Int) version!: number;
  @Field(() => Int) total!: number;
  @Field(() => [ValidationFinding]) findings!: ValidationFinding[];
  @Field(() => JsonScalar, { description: 'Counts per level' }) byLevel!: unknown;
}

@InputType()
export class ValidationFilterInput {
  @Field(() => String, { nullable: true, description: 'MESH, IST or KIA code' }) code?:
    string | null;
  @Field(() => String, { nullable: true }) level?: string | null;
  @Field(() => String, { nullable: true }) kind?: string | null;
  @Field(() => String, { nullable: true }) namespace?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
}
