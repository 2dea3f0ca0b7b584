import { Module } from '@nestjs/common';
import { GraphModule } from '../graph/graph.module.js';
import { SnapshotsModule } from '../snapshots/snapshots.module.js';
import { ValidationsModule } from '../validations/validations.module.js';
import { BaseFindingsCache } from './base-findings.cache.js';
import { ImpactCacheRepository } from './impact-cache.repository.js';
import { ImpactController } from './impact.controller.js';
import { ImpactResolver } from './impact.resolver.js';
import { ImpactService } from './impact.service.js';
import { ProposalRepository } from './proposal.repository.js';

@Module({
  imports: [SnapshotsModule, GraphModule, ValidationsModule],
  controllers: [ImpactController],
  providers: [
    ImpactService,
    ImpactResolver,
    ImpactCacheRepository,
    ProposalRepository,
    BaseFindingsCache,
  ],
  exports: [ImpactService],
})
export class ImpactModule {}
