/**
 * Runs the synthesis engine in a worker thread, so that a long synthesis never
 * blocks the API process's event loop. Input arrives as workerData; progress and
 * the result go back as messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { synthesise, type SynthesisInput } from '@tropa/synthesis';
import type { EngineMessage } from './engine-runner';

const port = parentPort;
if (port) {
  const input = workerData as SynthesisInput;
  const post = (message: EngineMessage): void => port.postMessage(message);
  try {
    const result = synthesise({ ...input, onProgress: (step, fraction) => post({ type: 'progress', step, fraction }) });
    post({ type: 'result', result });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}
