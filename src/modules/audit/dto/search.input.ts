import { Field, InputType } from '@nestjs/graphql';

@InputType({
  description:
    'Object criteria (kind, namespace, name, host, labels) must all hold for the same changed object; ' +
    'version filters (author, source, from, to) for its version',
})
export class VersionSearchInput {
  @Field(() => String, { nullable: true }) kind?: string | null;
  @Field(() => String, { nullable: true }) namespace?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'A host the changed object names (object-level: VS/DR/SE host fields, the Service)',
  })
  host?: string | null;
  @Field(() => String, { nullable: true, description: 'Namespace of a short host name' })
  hostNamespace?: string | null;
  @Field(() => [String], {
    nullable: true,
    description:
      'Label selectors, key or key=value, all must match (e.g. backstage.io/kubernetes-id=reviews)',
  })
  labels?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Case-insensitive' }) author?: string | null;
  @Field(() => String, { nullable: true, description: 'Exact, e.g. pr:812' }) source?:
    string | null;
  @Field(() => Date, { nullable: true, description: 'Created at or after' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Created at or before' }) to?: Date | null;
}
