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
  @Field(() => Int, {
    description: "Findings hidden by the environment's disabled codes (validationSettings)",
  })
  disabledBySettings!: number;
}

@ObjectType({
  description:
    'Per-environment validation settings, applied whenever findings are read (validations, impact, diff)',
})
export class ValidationSettings {
  @Field() environment!: string;
  @Field(() => [String], { description: 'MESH, IST or KIA codes never reported' })
  disabledCodes!: string[];
  @Field(() => JsonScalar, {
    description: 'Level per code: { "IST0101": "Warning" }; a MESH code wins over an IST/KIA one',
  })
  levelOverrides!: unknown;
  @Field(() => Date, { nullable: true, description: 'Null: never set (defaults)' })
  updatedAt!: Date | null;
}

@InputType()
export class ValidationSettingsInput {
  @Field(() => [String], { defaultValue: [] }) disabledCodes!: string[];
  @Field(() => JsonScalar, {
    nullable: true,
    description: '{ code: "Error" | "Warning" | "Info" }',
  })
  levelOverrides?: unknown;
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
