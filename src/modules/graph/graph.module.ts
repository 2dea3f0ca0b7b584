import { Module } from '@nestjs/common';
import { SnapshotsModule } from '../snapshots/snapshots.module.js';
import { GraphController } from './graph.controller.js';
import { GraphResolver } from './graph.resolver.js';
import { GraphService } from './graph.service.js';
import { ResolvedGraphCache } from './resolved-graph-cache.service.js';

@Module({
  imports: [SnapshotsModule],
  controllers: [GraphController],
  providers: [GraphService, GraphResolver, ResolvedGraphCache],
  exports: [GraphService],
})
export class GraphModule {}
