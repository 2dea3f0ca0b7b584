import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { SnapshotsModule } from '../snapshots/snapshots.module.js';
import { IngestController } from './ingest.controller.js';
import { IngestResolver } from './ingest.resolver.js';
import { IngestService } from './ingest.service.js';

@Module({
  imports: [SnapshotsModule, AuditModule],
  controllers: [IngestController],
  providers: [IngestService, IngestResolver],
  exports: [IngestService],
})
export class IngestModule {}
