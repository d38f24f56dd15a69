/**
 * Scale benchmark: clusterQuotes (automatic k) on 5k, 20k and 80k synthetic
 * RU+EN quotes; time, peak memory, and the log-log growth exponent of time from
 * the smallest to the largest size. Last line is JSON.
 *   npm run bench:scale [-- --sizes 5000,20000,80000]
 */
import { clusterQuotes } from '../src/cluster';
import { parseArgs } from './args';
import { PeakMemory, toMB } from './memory';
import { syntheticQuotes } from './synthetic-quotes';

interface Row {
  n: number;
  seconds: number;
  peakMB: number;
  heapMB: number;
  clusters: number;
  unclustered: number;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const sizes = (args.get('sizes') ?? '5000,20000,80000').split(',').map(Number);
  const rows: Row[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  for (const n of sizes) {
    const quotes = syntheticQuotes(n, 7);
    gc?.();
    const memory = new PeakMemory();
    const started = process.hrtime.bigint();
    const result = clusterQuotes(quotes, { seed: 42 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    memory.stop();
    rows.push({ n, seconds, peakMB: toMB(memory.peakRss), heapMB: toMB(memory.peakHeap), clusters: result.clusters.length, unclustered: result.unclustered.length });
    console.log(`n=${n}: ${seconds.toFixed(2)} s, peak RSS ${toMB(memory.peakRss)} MB, heap+buffers ${toMB(memory.peakHeap)} MB, clusters ${result.clusters.length}, unclustered ${result.unclustered.length}`);
  }
  const first = rows[0];
  const last = rows[rows.length - 1];
  const exponent = rows.length > 1 ? Math.log(last.seconds / first.seconds) / Math.log(last.n / first.n) : 0;
  console.log(`growth exponent of time ${first.n}→${last.n}: ${exponent.toFixed(3)} (target ≤ 1.3); peak RSS ${Math.max(...rows.map((r) => r.peakMB))} MB (target < 2048)`);
  console.log(JSON.stringify({ sizes: rows, exponent: Math.round(exponent * 1000) / 1000, peakMB: Math.max(...rows.map((r) => r.peakMB)) }));
}

main();
