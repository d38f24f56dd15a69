/**
 * Starts the built server once for all browser tests: fresh data folder (embedded
 * PostgreSQL inside it), a free port, production mode. Its address goes to the test
 * workers through TROPA_E2E_BASE_URL; the teardown stops it.
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

module.exports = async function globalSetup() {
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
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  globalThis.__TROPA_E2E__ = { child, dataDir, logFile };
  try {
    await waitForHealth(baseUrl, child, logFile);
  } catch (error) {
    // Jest skips the teardown when the setup throws: clean up here.
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  process.env.TROPA_E2E_BASE_URL = baseUrl;
  process.env.TROPA_E2E_SERVER_LOG = logFile;
};
