import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { loadConfig } from './platform/config/app-config.js';
import { prepareDatabase } from './platform/database/prepare-database.js';

/** `npm start` / `meshlens serve`: embedded PostgreSQL unless DATABASE_URL is set. */
export async function serve(env: Readonly<Record<string, string | undefined>>): Promise<void> {
  const config = loadConfig(env);
  const logger = new Logger('meshlens');
  const database = await prepareDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    embeddedPgPort: config.embeddedPgPort,
    log: (line) => {
      logger.log(line);
    },
  });
  if (!config.authEnabled) {
    logger.warn(
      'authentication is OFF (MESHLENS_AUTH=off, the default without DATABASE_URL): anyone who can ' +
        'reach this port can write. Set MESHLENS_AUTH=on and create a token with `meshlens token create`.',
    );
  }
  const app = await createApp({ config, databaseUrl: database.url });
  let isClosing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (isClosing) {
      return;
    }
    isClosing = true;
    logger.log(`${signal}: finishing in-flight requests`);
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await app.listen(config.port, config.host);
  logger.log(
    `listening on http://${config.host}:${config.port} (REST /api/v1, GraphQL /graphql, OpenAPI /api/docs)`,
  );
}
