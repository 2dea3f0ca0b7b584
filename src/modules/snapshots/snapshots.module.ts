import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config.js';
import { IngestCache, ingestCacheOptions } from './ingest-cache.js';
import { SnapshotContentRepository } from './snapshot-content.repository.js';
import { SnapshotContentService } from './snapshot-content.service.js';
import { SnapshotIngester } from './snapshot-ingester.js';
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
    SnapshotIngester,
    {
      provide: IngestCache,
      useFactory: (config: AppConfig) => new IngestCache(ingestCacheOptions(config)),
      inject: [APP_CONFIG],
    },
  ],
  exports: [SnapshotsService, SnapshotContentService, SnapshotIngester],
})
export class SnapshotsModule {}
