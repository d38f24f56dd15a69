import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { type AppConfig, ConfigError, loadConfig } from './core/config/app-config';
import { createAppLogger } from './core/logging/app-logger';

/**
 * A job worker without HTTP: the same modules, run against the same database
 * (`DATABASE_URL` is required), so that more workers can be added on other machines.
 */
async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = { ...loadConfig(), workers: 'inline' as const };
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : String(error));
    process.exit(1);
  }
  if (!config.databaseUrl) {
    console.error('npm run worker needs DATABASE_URL: a separate worker must share the API’s database');
    process.exit(1);
  }
  const logger = createAppLogger(config);
  const app = await NestFactory.createApplicationContext(AppModule.register({ config, databaseUrl: config.databaseUrl }), { logger });
  app.enableShutdownHooks();
  logger.log('Tropa worker is running');
}

void bootstrap();
