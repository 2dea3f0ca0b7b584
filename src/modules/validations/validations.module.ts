import { Module } from '@nestjs/common';
import { GraphModule } from '../graph/graph.module.js';
import { ValidationsController } from './validations.controller.js';
import { ValidationsResolver } from './validations.resolver.js';
import { ValidationsService } from './validations.service.js';
import { ValidationSettingsRepository } from './validation-settings.repository.js';
import { VersionFindingsRepository } from './version-findings.repository.js';

@Module({
  imports: [GraphModule],
  controllers: [ValidationsController],
  providers: [
    ValidationsService,
    ValidationsResolver,
    VersionFindingsRepository,
    ValidationSettingsRepository,
  ],
  exports: [ValidationSettingsRepository],
})
export class ValidationsModule {}
