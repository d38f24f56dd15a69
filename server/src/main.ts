import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { ConfigError, loadConfig, type AppConfig } from './core/config/app-config';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './core/database/embedded-postgres';
import { configureApp } from './core/http/configure-app';
import { createAppLogger } from './core/logging/app-logger';

function readConfig(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function bootstrap(): Promise<void> {
  const config = readConfig();
  const logger = createAppLogger(config);
  let embedded: EmbeddedDatabase | null = null;
  let app: NestExpressApplication | null = null;

  let stopping = false;
  const shutdown = async (reason: string, code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.log(`Shutting down (${reason})`);
    await app?.close().catch((error: unknown) => logger.error(`Closing the server failed: ${String(error)}`));
    await embedded?.stop().catch((error: unknown) => logger.error(`Stopping PostgreSQL failed: ${String(error)}`));
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));

  try {
    if (!config.databaseUrl) embedded = await startEmbeddedPostgres(config.dataDir, logger);
    const databaseUrl = config.databaseUrl ?? (embedded as EmbeddedDatabase).url;
    app = await NestFactory.create<NestExpressApplication>(AppModule.register({ config, databaseUrl }), { logger, bodyParser: false });
    configureApp(app, config);
    await app.listen(config.port);
    logger.log(`Tropa is running on http://localhost:${config.port} (API docs at /api/docs)`);
  } catch (error) {
    logger.error(error instanceof Error ? error.message : String(error));
    await shutdown('start-up failed', 1);
  }
}

void bootstrap();
