/** Peak memory: kernel max RSS plus heap/buffers polled on a timer and on demand. */
export class PeakMemory {
  peakRss = 0;
  peakHeap = 0;
  private readonly timer: NodeJS.Timeout;
  constructor(intervalMs = 50) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }
  sample(): void {
    const m = process.memoryUsage();
    // maxRSS is the kernel's high-water mark (KiB): it also covers the stretches where
    // synchronous clustering blocks the timer. It never decreases within a process.
    this.peakRss = Math.max(this.peakRss, m.rss, process.resourceUsage().maxRSS * 1024);
    this.peakHeap = Math.max(this.peakHeap, m.heapUsed + m.arrayBuffers);
  }
  stop(): void {
    this.sample();
    clearInterval(this.timer);
  }
  reset(): void {
    this.peakRss = 0;
    this.peakHeap = 0;
    this.sample();
  }
}

export const toMB = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10;
