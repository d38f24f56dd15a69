/**
 * Starts and stops the built server (serving the built client) on a free port with a
 * fresh data folder (embedded PostgreSQL inside it), in production mode. Used by the
 * global setup (one server for all browser tests) and by test files that need a server
 * of their own (for instance to be its first user).
 */
const { spawn } = require('node:child_process');
const { createWriteStream, existsSync, chmodSync, mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '../..');
const SERVER_MAIN = join(ROOT, 'server/dist/server/src/main.js');
const CLIENT_DIR = join(ROOT, 'client/dist/browser');
const START_TIMEOUT_MS = 60_000;

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolvePort(address.port));
    });
  });
}

function tail(file) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no server log)';
  }
}

async function waitForHealth(baseUrl, child, logFile) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The server exited with code ${child.exitCode} while starting:\n${tail(logFile)}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`The server did not answer GET /api/health with 200 within ${START_TIMEOUT_MS / 1000} s:\n${tail(logFile)}`);
}

/** @param {{ env?: Record<string, string> }} [options] */
async function startServer(options = {}) {
  for (const [what, path, how] of [
    ['server', SERVER_MAIN, 'npx tsc -b server/tsconfig.app.json'],
    ['client', join(CLIENT_DIR, 'index.html'), 'cd client && npx ng build'],
  ]) {
    if (!existsSync(path)) throw new Error(`The ${what} is not built (${path} is missing). Run: ${how}`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'tropa-e2e-'));
  // The embedded PostgreSQL runs as the `postgres` user when we are root: it must enter the folder.
  chmodSync(dataDir, 0o755);
  const logFile = join(tmpdir(), `${dataDir.split('/').pop()}-server.log`);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [SERVER_MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      TROPA_DATA_DIR: dataDir,
      TROPA_CLIENT_DIR: CLIENT_DIR,
      NODE_ENV: 'production',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  try {
    await waitForHealth(baseUrl, child, logFile);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return { child, dataDir, logFile, baseUrl };
}

/** SIGTERM, then SIGKILL after 20 s; removes the data folder (and the log unless TROPA_E2E_KEEP_LOG=1). */
async function stopServer(state) {
  if (!state) return;
  const { child, dataDir, logFile } = state;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(dataDir, { recursive: true, force: true });
  if (process.env.TROPA_E2E_KEEP_LOG !== '1') rmSync(logFile, { force: true });
}

module.exports = { startServer, stopServer };
