// Small process helpers shared by tools/start.mjs and tools/test.mjs.
import { spawn } from 'node:child_process';

export const root = new URL('..', import.meta.url).pathname;
const bin = (name) => `${root}node_modules/.bin/${name}`;

/** Runs a workspace binary; resolves with its exit code (never rejects). */
export function run(name, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(bin(name), args, {
      cwd: options.cwd ?? root,
      stdio: 'inherit',
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR, ...options.env },
    });
    child.on('error', (error) => {
      console.error(`${name}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export function banner(text) {
  console.log(`\n=== ${text} ===`);
}
