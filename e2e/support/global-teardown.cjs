/** Stops the server started by global-setup (SIGTERM, then SIGKILL after 20 s) and removes its data. */
const { rmSync } = require('node:fs');

module.exports = async function globalTeardown() {
  const state = globalThis.__TROPA_E2E__;
  if (!state) return;
  const { child, dataDir } = state;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(dataDir, { recursive: true, force: true });
  if (process.env.TROPA_E2E_KEEP_LOG !== '1') rmSync(state.logFile, { force: true });
};
