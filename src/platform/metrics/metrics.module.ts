import { Module } from '@nestjs/common';
import { AppMetrics } from './app-metrics.js';
import { MetricsController } from './metrics.controller.js';

@Module({
  controllers: [MetricsController],
  providers: [{ provide: AppMetrics, useFactory: () => new AppMetrics() }],
  exports: [AppMetrics],
})
export class MetricsModule {}
