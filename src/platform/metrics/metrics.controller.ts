import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PublicRoute } from '../auth/scopes.js';
import { AppMetrics } from './app-metrics.js';

/** Prometheus scrape endpoint; public like the health probes (it holds no configuration data). */
@ApiExcludeController()
@Controller()
@PublicRoute()
export class MetricsController {
  constructor(@Inject(AppMetrics) private readonly metrics: AppMetrics) {}

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.text();
  }
}
