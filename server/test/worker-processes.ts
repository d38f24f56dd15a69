import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const WORKER = join(ROOT, 'server/dist/server/src/worker.js');

/**
 * Separate job workers (`npm run worker`'s code, built) on a test app's database, to be
 * killed mid-job by crash tests. `build()` compiles the server first (quick when built).
 */
export class WorkerProcesses {
  private readonly workers: ChildProcess[] = [];
  private readonly dataDir = mkdtempSync(join(tmpdir(), 'tropa-worker-'));
  /** The workers' last log lines, for a failure message. */
  log = '';

  static build(): void {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'server/tsconfig.app.json'], { cwd: ROOT, stdio: 'inherit' });
  }

  start(databaseUrl: string, env: Record<string, string>): ChildProcess {
    const worker = spawn(process.execPath, [WORKER], {
      cwd: ROOT,
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        TROPA_DATA_DIR: this.dataDir,
        TROPA_SECRET: randomBytes(32).toString('hex'),
        TROPA_LOG_FORMAT: 'json',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // Read so that a chatty worker never blocks on a full pipe.
    worker.stderr?.on('data', (chunk: Buffer) => (this.log = (this.log + chunk.toString()).slice(-20_000)));
    this.workers.push(worker);
    return worker;
  }

  async kill(worker: ChildProcess): Promise<void> {
    worker.kill('SIGKILL');
    await new Promise((r) => worker.once('exit', r));
  }

  /** Polls `read` every 100 ms until `done`; throws with the workers' log after `seconds`. */
  async until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, seconds = 180): Promise<T> {
    for (let i = 0; i < seconds * 10; i++) {
      const value = await read();
      if (done(value)) return value;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}; worker log:\n${this.log}`);
  }

  async stopAll(): Promise<void> {
    const alive = this.workers.filter((worker) => worker.exitCode === null && worker.signalCode === null);
    for (const worker of alive) worker.kill('SIGTERM');
    await Promise.all(alive.map((worker) => new Promise((r) => worker.once('exit', r))));
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
