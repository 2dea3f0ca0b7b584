import 'reflect-metadata';
import type { INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express from 'express';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import { BEARER_SCHEME } from './platform/auth/api-docs.js';
import type { AppConfig } from './platform/config/app-config.js';
import { DomainError } from './platform/errors/domain-error.js';
import { findInvalidUtf8 } from './platform/http/utf8.js';
import { requestLog } from './platform/logging/request-log.js';
import { InFlightRequests } from './platform/http/in-flight-requests.js';
import { AppMetrics } from './platform/metrics/app-metrics.js';
import { HttpExceptionFilter } from './platform/errors/http-exception.filter.js';

const MANIFEST_TYPES = [
  'application/yaml',
  'application/x-yaml',
  'text/yaml',
  'text/x-yaml',
  'application/json',
  'text/plain',
];

/**
 * body-parser decodes text leniently (bad bytes become U+FFFD, silently changing a manifest):
 * reject invalid UTF-8 instead, located. body-parser keeps a thrown error's `status`, and the
 * filter answers the DomainError inside.
 */
function rejectInvalidUtf8(_req: unknown, _res: unknown, buffer: Buffer, encoding: string): void {
  if (encoding.toLowerCase().replace('-', '') !== 'utf8') {
    return;
  }
  const problem = findInvalidUtf8(buffer);
  if (problem !== null) {
    const message = `the body is not valid UTF-8 (byte ${problem.offset}, line ${problem.line})`;
    throw Object.assign(
      new DomainError('INVALID_INPUT', message, { ...problem, inputCode: 'INVALID_UTF8' }),
      { status: 400, type: 'encoding.invalid' },
    );
  }
}

export interface CreateAppOptions {
  readonly config: AppConfig;
  readonly databaseUrl: string;
  readonly logger?: false | ('error' | 'warn' | 'log' | 'debug')[] | LoggerService;
  /** Logs one JSON line per request (serve.ts); without it requests still get an x-request-id. */
  readonly requestLogger?: Logger;
}

/** Builds the Nest application (REST + GraphQL + OpenAPI) without listening: tests use it too. */
export async function createApp(options: CreateAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({
      config: options.config,
      databaseUrl: options.databaseUrl,
    }),
    { bodyParser: false, logger: options.logger ?? ['error', 'warn', 'log'] },
  );
  const limit = options.config.maxBodyBytes;
  // First, so that rejected bodies (413, 400) are timed and logged too.
  app.use(requestLog(options.requestLogger));
  app.use(app.get(InFlightRequests).middleware);
  app.use(app.get(AppMetrics).middleware);
  // GraphQL gets JSON; the REST API keeps manifests as text so the engine can locate errors.
  app.use('/graphql', express.json({ limit }));
  app.use('/api', express.text({ type: MANIFEST_TYPES, limit, verify: rejectInvalidUtf8 }));
  app.useGlobalFilters(new HttpExceptionFilter());
  // No enableShutdownHooks(): Nest's hooks would end the database pools before in-flight requests
  // finish. `serve` handles SIGTERM/SIGINT with closeGracefully (platform/http/graceful-close.ts).
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('meshlens')
      .setDescription(
        'What will this Istio config change do? Versioned snapshots, graph, diff and impact.',
      )
      .setVersion('1')
      // Swagger UI's Authorize button; operations the AuthGuard checks carry it (ApiTokenAuth).
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'ml_<id>_<random>',
          description:
            'An API token `ml_<id>_<random>` (docs/security.md). Writes need one when MESHLENS_AUTH is on; reads only with MESHLENS_AUTH_READS=true.',
        },
        BEARER_SCHEME,
      )
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  await app.init();
  return app;
}
