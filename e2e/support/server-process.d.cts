import type { ChildProcess } from 'node:child_process';

export interface ServerProcess {
  child: ChildProcess;
  dataDir: string;
  logFile: string;
  baseUrl: string;
}

export function startServer(options?: { env?: Record<string, string> }): Promise<ServerProcess>;
export function stopServer(state: ServerProcess | undefined): Promise<void>;
