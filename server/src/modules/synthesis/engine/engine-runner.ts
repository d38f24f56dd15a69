import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { synthesise, type SynthesisInput, type SynthesisResult, type SynthesisStep } from '@tropa/synthesis';

export type EngineMessage =
  | { type: 'progress'; step: SynthesisStep; fraction: number }
  | { type: 'result'; result: SynthesisResult }
  | { type: 'error'; message: string };

export interface EngineRun {
  result: Promise<SynthesisResult>;
  /** Stops the engine (a cancelled run); the promise rejects with EngineStopped. */
  stop(): void;
}

export class EngineStopped extends Error {
  constructor() {
    super('The synthesis engine was stopped');
  }
}

const THREAD_FILE = join(__dirname, 'engine-thread.js');

/**
 * Runs `synthesise` in a worker thread when the compiled thread file is there (the
 * built server), otherwise in this thread (tests run the TypeScript sources, where
 * a thread cannot load them). Both paths give the same result for the same input.
 */
export function runEngine(input: Omit<SynthesisInput, 'onProgress'>, onProgress: (step: SynthesisStep, fraction: number) => void): EngineRun {
  if (!existsSync(THREAD_FILE)) return runInline(input, onProgress);
  let worker: Worker | null = null;
  let stopped = false;
  const result = new Promise<SynthesisResult>((resolve, reject) => {
    worker = new Worker(THREAD_FILE, { workerData: input });
    worker.on('message', (message: EngineMessage) => {
      if (message.type === 'progress') onProgress(message.step, message.fraction);
      else if (message.type === 'result') resolve(message.result);
      else reject(new Error(message.message));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (stopped) reject(new EngineStopped());
      else if (code !== 0) reject(new Error(`The synthesis engine exited with code ${code}`));
    });
  });
  return {
    result,
    stop: () => {
      stopped = true;
      void (worker as Worker | null)?.terminate();
    },
  };
}

function runInline(input: Omit<SynthesisInput, 'onProgress'>, onProgress: (step: SynthesisStep, fraction: number) => void): EngineRun {
  let stopped = false;
  const result = new Promise<SynthesisResult>((resolve, reject) => {
    setImmediate(() => {
      if (stopped) return reject(new EngineStopped());
      try {
        resolve(synthesise({ ...input, onProgress }));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
  return {
    result,
    stop: () => {
      stopped = true;
    },
  };
}
