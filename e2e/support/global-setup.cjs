/**
 * Starts the built server once for all browser tests: fresh data folder (embedded
 * PostgreSQL inside it), a free port, production mode. Its address goes to the test
 * workers through TROPA_E2E_BASE_URL; the teardown stops it.
 */
const { startServer } = require('./server-process.cjs');

module.exports = async function globalSetup() {
  // Jest skips the teardown when the setup throws: startServer cleans up after itself.
  const state = await startServer();
  globalThis.__TROPA_E2E__ = state;
  process.env.TROPA_E2E_BASE_URL = state.baseUrl;
  process.env.TROPA_E2E_SERVER_LOG = state.logFile;
};
