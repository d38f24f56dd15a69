import type { Page } from 'playwright-core';

/**
 * Selects `phrase` inside the utterance that contains it, as a mouse drag would (a DOM
 * range over the text nodes, then the mouseup the viewer listens to).
 */
export async function selectPhrase(page: Page, phrase: string): Promise<void> {
  await page.evaluate((wanted) => {
    (document.activeElement as HTMLElement | null)?.blur();
    const row = Array.from(document.querySelectorAll('[data-testid="utterance-text"]')).find((element) => element.textContent?.includes(wanted));
    if (!row) throw new Error(`no utterance contains ${wanted}`);
    // The tag picker opens under the selection: a person selects what is on screen.
    row.scrollIntoView({ block: 'center' });
    const start = (row.textContent ?? '').indexOf(wanted);
    const end = start + wanted.length;
    const range = document.createRange();
    const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
    let offset = 0;
    let started = false;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent?.length ?? 0;
      if (!started && start < offset + length) {
        range.setStart(node, start - offset);
        started = true;
      }
      if (started && end <= offset + length) {
        range.setEnd(node, end - offset);
        break;
      }
      offset += length;
    }
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    row.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, phrase);
}
