import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Version } from '../../snapshots/models/snapshot.model.js';

@ObjectType()
export class IngestWarning {
  @Field() code!: string;
  @Field() file!: string;
  @Field(() => Int, { nullable: true }) document!: number | null;
  @Field(() => Int, { nullable: true }) line!: number | null;
  @Field() kind!: string;
  @Field() name!: string;
  @Field() message!: string;
}

@ObjectType()
export class IngestResult {
  @Field({ description: 'false: identical to the latest version, nothing stored' })
  created!: boolean;
  @Field(() => Version) version!: Version;
  @Field() message!: string;
  @Field(() => Int) objectCount!: number;
  @Field(() => Int) rowsWritten!: number;
  @Field(() => [IngestWarning]) warnings!: IngestWarning[];
}

@InputType()
export class SourceFileInput {
  @Field({ description: 'File name used in error locations' }) name!: string;
  @Field({ description: 'Multi-document YAML or JSON' }) text!: string;
}

@InputType()
export class IngestSnapshotInput {
  @Field() environment!: string;
  @Field(() => [SourceFileInput]) files!: SourceFileInput[];
  @Field({ defaultValue: 'default' }) defaultNamespace!: string;
  @Field({
    defaultValue: false,
    description:
      'Store a snapshot with no object (a version that removes every object); without it such a snapshot is refused (MESH0008)',
  })
  allowEmpty!: boolean;
  @Field(() => String, { nullable: true }) commit?: string | null;
  @Field(() => String, { nullable: true }) branch?: string | null;
  @Field(() => String, { nullable: true }) author?: string | null;
  @Field(() => String, { nullable: true }) message?: string | null;
  @Field(() => String, { nullable: true }) source?: string | null;
}
