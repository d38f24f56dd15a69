import type { Locator } from 'playwright-core';

/** Polls `read` until `check` accepts its value; fails with the last value seen. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!check(last)) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    }
    await new Promise((done) => setTimeout(done, 100));
    last = await read();
  }
  return last;
}

/** The trimmed texts of every element the locator matches, once `check` holds. */
export function textsOf(locator: Locator, check: (texts: string[]) => boolean): Promise<string[]> {
  return eventually(async () => (await locator.allTextContents()).map((text) => text.trim()), check);
}

export async function textOf(locator: Locator): Promise<string> {
  await locator.waitFor();
  return ((await locator.textContent()) ?? '').trim();
}

/** Drags with real mouse moves (what CDK drag-drop listens to): grab `source`, drop on `target`'s centre. */
export async function dragTo(source: Locator, target: Locator): Promise<void> {
  const page = source.page();
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('drag source or target is not visible');
  const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  // Past the CDK drag threshold first, then to the target in small steps.
  await page.mouse.move(start.x, start.y + 10, { steps: 5 });
  await page.mouse.move(start.x, to.y + to.height / 2 + 5, { steps: 20 });
  await page.mouse.up();
}
