import { Module } from '@nestjs/common';
import { SnapshotsModule } from '../snapshots/snapshots.module.js';
import { AuditController } from './audit.controller.js';
import { AuditRepository } from './audit.repository.js';
import { AuditResolver } from './audit.resolver.js';
import { ExportRepository } from './export.repository.js';
import { ExportService } from './export.service.js';
import { HistoryService } from './history.service.js';
import { RetentionController } from './retention.controller.js';
import { RetentionRepository } from './retention.repository.js';
import { RetentionResolver } from './retention.resolver.js';
import { RetentionService } from './retention.service.js';
import { SearchRepository } from './search.repository.js';
import { SearchService } from './search.service.js';
import { TimelineRepository } from './timeline.repository.js';

/** Config history and audit: history, search, timeline, export, tags, retention. */
@Module({
  imports: [SnapshotsModule],
  controllers: [AuditController, RetentionController],
  providers: [
    AuditRepository,
    SearchRepository,
    TimelineRepository,
    ExportRepository,
    RetentionRepository,
    HistoryService,
    SearchService,
    ExportService,
    RetentionService,
    AuditResolver,
    RetentionResolver,
  ],
  exports: [RetentionService, HistoryService],
})
export class AuditModule {}
