/**
 * Clustering benchmark on any labelled CSV:
 *   npm run bench:clustering -- --file <csv> --text <column> --label <column> [--k <n>] [--seed <n>] [--seed-fraction <0..1>]
 * Labels are never shown to the engine, except a revealed fraction (--seed-fraction)
 * used as seeds and then excluded from scoring. Unclustered quotes count as one
 * extra cluster. The last line is JSON.
 *
 * Note: the event loop is blocked while clustering runs, so the memory sampler
 * mostly sees the state between phases; the reported peak is a lower bound.
 */
import { clusterQuotes, normalisedMutualInformation, adjustedRandIndex, clusteringAccuracy } from '../src/cluster';
import type { QuoteInput } from '../src/types';
import { Rng } from '../src/rng';
import { parseArgs } from './args';
import { readCsvFile } from './csv';
import { PeakMemory, toMB } from './memory';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const file = args.get('file');
  const textColumn = args.get('text') ?? 'text';
  const labelColumn = args.get('label') ?? 'label';
  if (!file) throw new Error('usage: --file <csv> --text <column> --label <column> [--k n] [--seed n] [--seed-fraction f]');
  const k = args.has('k') ? Number(args.get('k')) : undefined;
  const seed = Number(args.get('seed') ?? 42);
  const seedFraction = Number(args.get('seed-fraction') ?? 0);

  const memory = new PeakMemory();
  const { header, records } = await readCsvFile(file);
  const ti = header.indexOf(textColumn);
  const li = header.indexOf(labelColumn);
  if (ti < 0 || li < 0) throw new Error(`columns not found: ${textColumn}, ${labelColumn} in [${header.join(', ')}]`);
  const quotes: QuoteInput[] = records.map((r, i) => ({ id: String(i), text: r[ti] ?? '' }));
  const labelIds = new Map<string, number>();
  const truth = records.map((r) => {
    const l = r[li] ?? '';
    if (!labelIds.has(l)) labelIds.set(l, labelIds.size);
    return labelIds.get(l) as number;
  });

  // Reveal a random fraction of labels as seeds (a moderator's job tags).
  const revealed = new Set<number>();
  if (seedFraction > 0) {
    const order = new Rng(seed + 7919).shuffle(quotes.map((_, i) => i));
    for (const i of order.slice(0, Math.round(seedFraction * quotes.length))) revealed.add(i);
  }
  const seedLabels = new Map<number, string>();
  for (const i of revealed) seedLabels.set(i, records[i][li] ?? '');

  const started = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const result = clusterQuotes(quotes, { k, seed, seedLabels: seedLabels.size ? seedLabels : undefined });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // CPU time next to wall time: on a shared machine the wall clock includes other load.
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  memory.stop();

  const predicted = new Int32Array(quotes.length).fill(-1);
  result.clusters.forEach((c, ci) => c.memberIds.forEach((id) => (predicted[Number(id)] = ci)));
  const unclusteredLabel = result.clusters.length;
  const t: number[] = [];
  const p: number[] = [];
  for (let i = 0; i < quotes.length; i++) {
    if (revealed.has(i)) continue;
    t.push(truth[i]);
    p.push(predicted[i] < 0 ? unclusteredLabel : predicted[i]);
  }
  const nmi = normalisedMutualInformation(t, p);
  const ari = adjustedRandIndex(t, p);
  const acc = clusteringAccuracy(t, p);

  console.log(`file: ${file}`);
  console.log(`rows: ${quotes.length}, labels: ${labelIds.size}, seeds revealed: ${revealed.size} (excluded from scoring)`);
  console.log(`clusters: ${result.clusters.length}${k ? ` (k=${k})` : ' (automatic)'}, unclustered: ${result.unclustered.length}`);
  console.log('top clusters:');
  for (const c of result.clusters.slice(0, 10)) {
    const example = quotes[Number(c.representativeIds[0])]?.text ?? '';
    console.log(`  ${c.id.padEnd(4)} n=${String(c.size).padEnd(4)} cohesion=${c.cohesion.toFixed(2)}  ${c.label}  | e.g. "${example.slice(0, 70)}"`);
  }
  console.log(`NMI ${nmi.toFixed(4)}  ARI ${ari.toFixed(4)}  ACC ${acc.toFixed(4)}`);
  console.log(`time ${seconds.toFixed(2)} s (CPU ${cpuSeconds.toFixed(2)} s), peak RSS ${toMB(memory.peakRss)} MB, peak heap+buffers ${toMB(memory.peakHeap)} MB`);
  console.log(
    JSON.stringify({
      rows: quotes.length,
      clusters: result.clusters.length,
      unclustered: result.unclustered.length,
      nmi: round(nmi),
      ari: round(ari),
      acc: round(acc),
      seconds: round(seconds),
      peakMB: toMB(memory.peakRss),
    }),
  );
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
