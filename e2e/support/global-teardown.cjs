/** Stops the server started by global-setup (SIGTERM, then SIGKILL after 20 s) and removes its data. */
const { stopServer } = require('./server-process.cjs');

module.exports = async function globalTeardown() {
  await stopServer(globalThis.__TROPA_E2E__);
};
