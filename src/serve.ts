import { createApp } from './app.factory.js';
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
  if (!config.authEnabled) {
    logger.warn(
      'authentication is OFF (MESHLENS_AUTH=off, the default without DATABASE_URL): anyone who can ' +
        'reach this port can write. Set MESHLENS_AUTH=on and create a token with `meshlens token create`.',
    );
  }
  const app = await createApp({
    config,
    databaseUrl: database.url,
    logger: new PinoNestLogger(root),
    requestLogger: root.child({ context: 'http' }),
  });
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
