import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';

export function createAppLogger(config: Pick<AppConfig, 'logFormat' | 'nodeEnv'>): ConsoleLogger {
  const logLevels: LogLevel[] = config.nodeEnv === 'test' ? ['error', 'warn'] : ['log', 'error', 'warn'];
  return new ConsoleLogger('Tropa', { json: config.logFormat === 'json', colors: config.logFormat === 'text' && process.stdout.isTTY, logLevels });
}
