import { FixedWindowStorage } from './rate-limit-storage';

describe('FixedWindowStorage', () => {
  let clock: number;
  let storage: FixedWindowStorage;
  const hit = (key = 'ip-1', limit = 3, block = 0) => storage.increment(key, 60_000, limit, block, 'default');

  beforeEach(() => {
    clock = 1_000_000;
    storage = new FixedWindowStorage(() => clock);
  });

  it('should count hits per client and block past the limit until the window ends', async () => {
    for (let i = 1; i <= 3; i++) expect(await hit()).toMatchObject({ totalHits: i, isBlocked: false, timeToExpire: 60 });
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 60 });
    expect(await hit('ip-2')).toMatchObject({ totalHits: 1, isBlocked: false });
    clock += 30_000;
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 30 });
    clock += 30_000;
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false, timeToExpire: 60 });
  });

  it('should keep a client blocked for the block duration when one is set', async () => {
    for (let i = 0; i < 4; i++) await hit('ip-1', 3, 120_000);
    clock += 90_000;
    expect(await hit('ip-1', 3, 120_000)).toMatchObject({ isBlocked: true, timeToBlockExpire: 30 });
    clock += 30_000;
    expect(await hit('ip-1', 3, 120_000)).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('should keep one counter per client and throttler, and forget finished windows', async () => {
    for (let i = 0; i < 10_000; i++) await hit(`ip-${i}`);
    expect(storage.size).toBe(10_000);
    clock += 61_000;
    await hit('ip-new');
    expect(storage.size).toBe(1);
  });
});
