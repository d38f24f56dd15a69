import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { type AppConfig, ConfigError, loadConfig } from './core/config/app-config';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './core/database/embedded-postgres';
import { createAppLogger } from './core/logging/app-logger';
import { AuthService } from './modules/auth/auth.service';
import { DemoService } from './modules/demo/demo.service';
import { UserEntity } from './modules/users/user.entity';

/**
 * `npm run demo`: creates the demo project from the command line, owned by the
 * instance's first user (created when there is none), and prints the demo
 * accounts' passwords once.
 */

/** The PID of a PostgreSQL that is running on this data folder (e.g. under `npm start`), if any. */
async function runningPostgres(dataDir: string): Promise<number | null> {
  const pidFile = await readFile(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').catch(() => null);
  const pid = pidFile ? Number(pidFile.split('\n')[0]) : NaN;
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: alive, but another user's process.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

async function firstOwner(dataSource: DataSource, auth: AuthService): Promise<{ user: UserEntity; password: string | null }> {
  const existing = await dataSource.getRepository(UserEntity).findOne({ where: { canCreateProjects: true }, order: { createdAt: 'ASC' } });
  if (existing) return { user: existing, password: null };
  const password = randomBytes(12).toString('base64url');
  const { user } = await auth.register({ email: 'admin@tropa.example.com', password, displayName: 'Администратор', locale: 'ru' }, null);
  return { user, password };
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : String(error));
    process.exit(1);
  }
  if (!config.databaseUrl) {
    const pid = await runningPostgres(config.dataDir);
    if (pid) {
      console.error(
        [
          `Tropa's embedded database in ${join(config.dataDir, 'pg')} is in use (PostgreSQL pid ${pid}), probably by "npm start".`,
          'Either create the demo from the running app: open it, sign in, and press "Create demo project" on the projects page,',
          'or stop "npm start" (Ctrl+C) and run "npm run demo" again.',
        ].join('\n'),
      );
      process.exit(2);
    }
  }
  const logger = createAppLogger(config);
  let embedded: EmbeddedDatabase | null = null;
  let exitCode = 0;
  try {
    if (!config.databaseUrl) embedded = await startEmbeddedPostgres(config.dataDir, logger);
    const databaseUrl = config.databaseUrl ?? (embedded as EmbeddedDatabase).url;
    const app = await NestFactory.createApplicationContext(AppModule.register({ config, databaseUrl }), { logger: ['error', 'warn'] });
    try {
      const owner = await firstOwner(app.get(DataSource), app.get(AuthService, { strict: false }));
      console.log('Creating the demo project, this takes a few seconds…');
      const demo = await app.get(DemoService, { strict: false }).create(owner.user, { roleUsers: true });
      const rows = [
        ...(owner.password ? [{ role: 'owner (new)', email: owner.user.email, password: owner.password }] : [{ role: 'owner', email: owner.user.email, password: '(your own password)' }]),
        ...demo.users.map((user) => ({ role: user.role, email: user.email, password: user.password })),
      ];
      console.log(`\nDemo project "${demo.project.name}" created in ${(demo.durationMs / 1000).toFixed(1)} s.`);
      console.log(
        `${demo.volumes.responses} survey responses, ${demo.volumes.sessions} sessions with ${demo.volumes.utterances} utterances, ${demo.volumes.quotes} quotes, ` +
          `${demo.volumes.events} events, ${demo.volumes.acceptedJobs} accepted jobs, ${demo.volumes.findings} findings, ${demo.volumes.recommendations} recommendations.\n`,
      );
      console.log('Accounts (passwords are shown only now; they are stored as hashes):');
      console.table(rows);
      console.log(`\nStart the app with "npm start" and sign in at http://localhost:${config.port}.`);
    } finally {
      await app.close();
    }
  } catch (error) {
    console.error(`The demo project could not be created: ${error instanceof Error ? error.message : String(error)}`);
    exitCode = 1;
  } finally {
    await embedded?.stop().catch(() => undefined);
  }
  process.exit(exitCode);
}

void main();
