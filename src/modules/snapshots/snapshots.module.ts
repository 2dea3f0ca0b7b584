import { Module } from '@nestjs/common';
import { SnapshotContentRepository } from './snapshot-content.repository.js';
import { SnapshotContentService } from './snapshot-content.service.js';
import { SnapshotReadRepository } from './snapshot-read.repository.js';
import { SnapshotStoreRepository } from './snapshot-store.repository.js';
import { SnapshotsController } from './snapshots.controller.js';
import { SnapshotsResolver } from './snapshots.resolver.js';
import { SnapshotsService } from './snapshots.service.js';

@Module({
  controllers: [SnapshotsController],
  providers: [
    SnapshotsService,
    SnapshotReadRepository,
    SnapshotStoreRepository,
    SnapshotContentRepository,
    SnapshotContentService,
    SnapshotsResolver,
  ],
  exports: [SnapshotsService, SnapshotContentService],
})
export class SnapshotsModule {}
