import type { ThrottlerStorage } from '@nestjs/throttler';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Window {
  startedAt: number;
  hits: number;
  blockedUntil: number;
}

/**
 * Rate-limit counters in fixed windows: one count per client and limit, so a request
 * costs O(1) whatever the limit. (The throttler's default storage keeps one timestamp
 * per hit and filters them on every request: quadratic under load with a high limit,
 * and its Math.min(...hits) overflows the stack past ~100k hits in a window.)
 * A client over the limit stays blocked for the block duration, or to the window's end.
 */
export class FixedWindowStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private sweptAt = 0;

  constructor(private readonly now: () => number = Date.now) {}

  increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    this.sweep(now, ttl);
    const id = `${throttlerName}\u0000${key}`;
    let window = this.windows.get(id);
    if (!window || (now >= window.startedAt + ttl && now >= window.blockedUntil)) {
      window = { startedAt: now, hits: 0, blockedUntil: 0 };
      this.windows.set(id, window);
    }
    const blocked = now < window.blockedUntil;
    if (!blocked) window.hits += 1;
    if (!blocked && window.hits > limit) window.blockedUntil = now + (blockDuration > 0 ? blockDuration : window.startedAt + ttl - now);
    const isBlocked = now < window.blockedUntil;
    return Promise.resolve({
      totalHits: window.hits,
      timeToExpire: Math.max(0, Math.ceil((window.startedAt + ttl - now) / 1000)),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil((window.blockedUntil - now) / 1000) : 0,
    });
  }

  /** Forgets finished windows, at most once per window length. */
  private sweep(now: number, ttl: number): void {
    if (now - this.sweptAt < ttl) return;
    this.sweptAt = now;
    for (const [id, window] of this.windows) {
      if (now >= window.startedAt + ttl && now >= window.blockedUntil) this.windows.delete(id);
    }
  }

  /** Counters held (for tests). */
  get size(): number {
    return this.windows.size;
  }
}
