import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { TOKEN_STORE } from './platform/auth/auth.tokens.js';
import { authStatusLine } from './platform/auth/auth-status.js';
import type { TokenStore } from './platform/auth/token-store.js';
import { loadConfig } from './platform/config/app-config.js';
import { closeGracefully } from './platform/http/graceful-close.js';
import { prepareDatabase } from './platform/database/prepare-database.js';
import { createLogger, PinoNestLogger } from './platform/logging/pino-logger.js';

/** `npm start` / `meshlens serve`: embedded PostgreSQL unless DATABASE_URL is set. */
export async function serve(env: Readonly<Record<string, string | undefined>>): Promise<void> {
  const config = loadConfig(env);
  // JSON lines (pino) at LOG_LEVEL: start-up, Nest's own messages, one line per request.
  const root = createLogger(config.logLevel);
  const logger = root.child({ context: 'meshlens' });
  const database = await prepareDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    embeddedPgPort: config.embeddedPgPort,
    log: (line) => {
      logger.info(line);
    },
  });
  const app = await createApp({
    config,
    databaseUrl: database.url,
    logger: new PinoNestLogger(root),
    requestLogger: root.child({ context: 'http' }),
  });
  // One line: auth on or off, and how to bootstrap the first admin token when there is none.
  const auth = await authStatusLine(config, app.get<TokenStore>(TOKEN_STORE));
  new Logger('Auth')[auth.level](auth.message);
  let isClosing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (isClosing) {
      return;
    }
    isClosing = true;
    logger.info(`${signal}: no new connections; finishing in-flight requests`);
    await closeGracefully(app, {
      timeoutMs: config.shutdownTimeoutMs,
      log: (line) => {
        logger.warn(line);
      },
    });
    await database.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await app.listen(config.port, config.host);
  logger.info(
    `listening on http://${config.host}:${config.port} (REST /api/v1, GraphQL /graphql, OpenAPI /api/docs)`,
  );
}
