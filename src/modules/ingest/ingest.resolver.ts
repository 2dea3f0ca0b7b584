import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { IngestResult, IngestSnapshotInput } from './models/ingest-result.model.js';
import { IngestService } from './ingest.service.js';
import { RequireScope } from '../../platform/auth/scopes.js';

@Resolver()
export class IngestResolver {
  constructor(private readonly ingestService: IngestService) {}

  @RequireScope('ingest')
  @Mutation(() => IngestResult, {
    description: 'Ingest a snapshot as the next version of an environment',
  })
  async ingestSnapshot(@Args('input') input: IngestSnapshotInput): Promise<IngestResult> {
    const result = await this.ingestService.ingest({
      environment: input.environment,
      files: input.files.map((f) => ({ name: f.name, text: f.text })),
      defaultNamespace: input.defaultNamespace,
      allowEmpty: input.allowEmpty,
      metadata: {
        commit: input.commit ?? undefined,
        branch: input.branch ?? undefined,
        author: input.author ?? undefined,
        message: input.message ?? undefined,
        source: input.source ?? undefined,
      },
    });
    return { ...result, warnings: [...result.warnings] };
  }
}
