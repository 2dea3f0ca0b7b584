import type { INestApplication } from '@nestjs/common';
import type { App } from 'supertest/types.js';
import { inject } from 'vitest';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/platform/config/app-config.js';

export interface TestApp {
  readonly app: INestApplication;
  readonly databaseUrl: string;
  readonly server: App;
  close(): Promise<void>;
}

/**
 * The real application on the run's real PostgreSQL (no mocks), not listening: supertest drives it.
 * Auth is off unless `env` sets MESHLENS_AUTH=on (test/e2e/auth.e2e-spec.ts).
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const databaseUrl = inject('databaseUrl');
  const config = loadConfig({ DATABASE_URL: databaseUrl, MESHLENS_AUTH: 'off', ...env });
  // MESHLENS_TEST_LOG=1 shows the app's error log (e.g. the stack behind an INTERNAL error).
  const logger =
    process.env['MESHLENS_TEST_LOG'] === undefined
      ? false
      : (['error', 'warn'] as ('error' | 'warn')[]);
  const app = await createApp({ config, databaseUrl, logger });
  return {
    app,
    databaseUrl,
    server: app.getHttpServer() as TestApp['server'],
    close: () => app.close(),
  };
}

let counter = 0;
/** A fresh environment name per test, so tests sharing the database never see each other. */
export function uniqueEnvironment(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}
