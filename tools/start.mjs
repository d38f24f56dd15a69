// `npm start`: builds the server and the client, then serves both on one port
// (embedded PostgreSQL when DATABASE_URL is unset). Stops cleanly on Ctrl+C.
import { spawn } from 'node:child_process';
import { banner, root, run } from './run-steps.mjs';

banner('Building the server');
if ((await run('tsc', ['-b', 'server/tsconfig.app.json'])) !== 0) process.exit(1);
banner('Building the client');
if ((await run('ng', ['build', '--configuration', 'production'], { cwd: `${root}client` })) !== 0) process.exit(1);

banner('Starting Tropa');
const server = spawn(process.execPath, [`${root}server/dist/server/src/main.js`], {
  cwd: process.cwd(),
  stdio: 'inherit',
  env: { NODE_ENV: 'production', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
