import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express from 'express';
import { AppModule } from './app.module.js';
import type { AppConfig } from './platform/config/app-config.js';
import { DomainError } from './platform/errors/domain-error.js';
import { HttpExceptionFilter } from './platform/errors/http-exception.filter.js';

const MANIFEST_TYPES = [
  'application/yaml',
  'application/x-yaml',
  'text/yaml',
  'text/x-yaml',
  'application/json',
  'text/plain',
];

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * body-parser decodes text leniently (bad bytes become U+FFFD, silently changing a manifest):
 * reject invalid UTF-8 instead. A thrown error with `status` becomes that HTTP status.
 */
function rejectInvalidUtf8(_req: unknown, _res: unknown, buffer: Buffer, encoding: string): void {
  if (encoding.toLowerCase().replace('-', '') !== 'utf8') {
    return;
  }
  try {
    STRICT_UTF8.decode(buffer);
  } catch {
    // body-parser keeps the error object and uses its `status`; the filter sees the DomainError.
    throw Object.assign(
      new DomainError('INVALID_INPUT', 'the body is not valid UTF-8', {
        inputCode: 'INVALID_UTF8',
      }),
      { status: 400, type: 'encoding.invalid' },
    );
  }
}

export interface CreateAppOptions {
  readonly config: AppConfig;
  readonly databaseUrl: string;
  readonly logger?: false | ('error' | 'warn' | 'log' | 'debug')[];
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
  // GraphQL gets JSON; the REST API keeps manifests as text so the engine can locate errors.
  app.use('/graphql', express.json({ limit }));
  app.use('/api', express.text({ type: MANIFEST_TYPES, limit, verify: rejectInvalidUtf8 }));
  app.useGlobalFilters(new HttpExceptionFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('meshlens')
      .setDescription(
        'What will this Istio config change do? Versioned snapshots, graph, diff and impact.',
      )
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  await app.init();
  return app;
}
