import { Injectable } from '@nestjs/common';
import { SnapshotContentRepository, type VersionContent } from './snapshot-content.repository.js';

/** Whole versions as engine Resources, for the graph, diff and impact modules. */
@Injectable()
export class SnapshotContentService {
  constructor(private readonly content: SnapshotContentRepository) {}

  loadVersionHead(
    environment: string,
    version: number | 'latest',
  ): Promise<{ version: number; digest: string }> {
    return this.content.loadHead(environment, version);
  }

  loadVersion(environment: string, version: number | 'latest'): Promise<VersionContent> {
    return this.content.loadVersion(environment, version);
  }
}

export type { VersionContent };
