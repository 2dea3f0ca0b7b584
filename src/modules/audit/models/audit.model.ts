import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { JsonScalar } from '../../../platform/graphql/json.scalar.js';
import { CountedConnection } from '../../../platform/graphql/page-info.model.js';

export enum ObjectChange {
  ADDED = 'added',
  MODIFIED = 'modified',
  REMOVED = 'removed',
}
registerEnumType(ObjectChange, {
  name: 'ObjectChange',
  description: 'What a version did to an object',
});

export enum FieldChangeType {
  ADDED = 'added',
  REMOVED = 'removed',
  CHANGED = 'changed',
}
registerEnumType(FieldChangeType, {
  name: 'FieldChangeType',
  description: 'ADDED: no `before`; REMOVED: no `after` (JSON null is a value, not absence)',
});

@ObjectType({
  description:
    'A version as audit answers show it; isPruned: retention removed it and only its number is known',
})
export class AuditVersion {
  @Field(() => Int) number!: number;
  @Field() isPruned!: boolean;
  @Field(() => Date, { nullable: true }) createdAt!: Date | null;
  @Field(() => String, { nullable: true }) commit!: string | null;
  @Field(() => String, { nullable: true }) branch!: string | null;
  @Field(() => String, { nullable: true }) author!: string | null;
  @Field(() => String, { nullable: true }) message!: string | null;
  @Field(() => String, { nullable: true, description: 'e.g. pr:812' }) source!: string | null;
  @Field(() => String, { nullable: true }) digest!: string | null;
  @Field(() => Int, { nullable: true }) objectCount!: number | null;
  @Field(() => Int, { nullable: true }) added!: number | null;
  @Field(() => Int, { nullable: true }) modified!: number | null;
  @Field(() => Int, { nullable: true }) removed!: number | null;
}

@ObjectType({ description: 'One changed field, e.g. spec.http[0].route[1].weight 10 -> 50' })
export class FieldChange {
  @Field() path!: string;
  @Field(() => FieldChangeType) type!: FieldChangeType;
  @Field(() => JsonScalar, { nullable: true }) before!: unknown;
  @Field(() => JsonScalar, { nullable: true }) after!: unknown;
}

@ObjectType()
export class ObjectIdentity {
  @Field({ description: '<group or core>/<Kind>/<namespace>/<name>' }) id!: string;
  @Field() kind!: string;
  @Field({ description: "'' for cluster-scoped kinds" }) namespace!: string;
  @Field() name!: string;
}

@ObjectType({
  description: 'A change of one object, with the field-level diff against its previous content',
})
export class ObjectHistoryEntry {
  @Field(() => AuditVersion) version!: AuditVersion;
  @Field(() => ObjectIdentity) object!: ObjectIdentity;
  @Field() apiVersion!: string;
  @Field(() => ObjectChange) change!: ObjectChange;
  @Field(() => String, { nullable: true }) hashBefore!: string | null;
  @Field(() => String, { nullable: true }) hashAfter!: string | null;
  @Field(() => [FieldChange], {
    description: 'Empty for added/removed objects and for cosmetic differences',
  })
  fields!: FieldChange[];
  @Field({ description: 'Versions between the previous known content and this change were pruned' })
  spansPrunedVersions!: boolean;
}

@ObjectType()
export class ObjectHistoryEdge {
  @Field() cursor!: string;
  @Field(() => ObjectHistoryEntry) node!: ObjectHistoryEntry;
}

@ObjectType()
export class ObjectHistoryConnection extends CountedConnection {
  @Field(() => [ObjectHistoryEdge]) edges!: ObjectHistoryEdge[];
}

@ObjectType()
export class TouchedObject extends ObjectIdentity {
  @Field(() => ObjectChange) change!: ObjectChange;
}

@ObjectType({ description: 'A version and the matching objects it added, modified or removed' })
export class VersionMatch {
  @Field(() => AuditVersion) version!: AuditVersion;
  @Field(() => [TouchedObject], { description: 'The first 100 by id' }) objects!: TouchedObject[];
  @Field(() => Int) matchedObjectCount!: number;
}

@ObjectType()
export class VersionMatchEdge {
  @Field() cursor!: string;
  @Field(() => VersionMatch) node!: VersionMatch;
}

@ObjectType()
export class VersionMatchConnection extends CountedConnection {
  @Field(() => [VersionMatchEdge]) edges!: VersionMatchEdge[];
}
