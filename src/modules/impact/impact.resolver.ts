import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { ImpactReport as ImpactReportData } from '../../engine/index.js';
import { ImpactInput, ImpactReport, ProposalInput } from './models/impact.model.js';
import { ImpactService } from './impact.service.js';
import { RequireScope } from '../../platform/auth/scopes.js';

function toModel(report: ImpactReportData): ImpactReport {
  return { ...report, notes: [...report.notes], json: report } as unknown as ImpactReport;
}

@Resolver()
export class ImpactResolver {
  constructor(private readonly impactService: ImpactService) {}

  @Query(() => ImpactReport, {
    description: 'What changed between two stored versions, and what it does',
  })
  async diff(
    @Args('environment') environment: string,
    @Args('from', {
      type: () => Int,
      nullable: true,
      description:
        'Default: the newest stored version before `to` (retention may have pruned `to - 1`), or the empty snapshot',
    })
    from: number | null,
    @Args('to', { type: () => Int, nullable: true, description: 'Default: latest' })
    to: number | null,
  ): Promise<ImpactReport> {
    return toModel(
      (await this.impactService.diff(environment, from ?? 'previous', to ?? 'latest')).report,
    );
  }

  @Query(() => ImpactReport, {
    description: 'Impact of proposed manifests against a stored version (nothing stored)',
  })
  async impact(@Args('input') input: ImpactInput): Promise<ImpactReport> {
    const result = await this.impactService.impact({
      environment: input.environment,
      base: input.base ?? 'latest',
      files: input.files,
      defaultNamespace: input.defaultNamespace,
      proposal: null,
    });
    return toModel(result.report);
  }

  @RequireScope('ingest')
  @Mutation(() => ImpactReport, {
    description: 'Store proposed manifests as a proposal (not a version) and return their impact',
  })
  async proposeChange(@Args('input') input: ProposalInput): Promise<ImpactReport> {
    const result = await this.impactService.impact({
      environment: input.environment,
      base: input.base ?? 'latest',
      files: input.files,
      defaultNamespace: input.defaultNamespace,
      proposal: {
        source: input.source ?? null,
        commit: input.commit ?? null,
        author: input.author ?? null,
      },
    });
    return toModel(result.report);
  }
}
