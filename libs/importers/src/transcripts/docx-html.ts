import { decodeHtmlEntities } from './html-entities';

/** A run of text inside a paragraph, bold or not. */
export interface HtmlRun {
  text: string;
  bold: boolean;
}

export type HtmlBlock = { kind: 'paragraph'; runs: HtmlRun[] } | { kind: 'table'; rows: string[][] };

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'div']);
const BOLD_TAGS = new Set(['strong', 'b']);
const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>|<!--[\s\S]*?-->|([^<]+)|</g;

/**
 * A small tolerant reader of the HTML mammoth produces: paragraphs (with their bold runs),
 * `<br>` line breaks (each becomes its own paragraph), and tables (cell texts; a nested table
 * is flattened into its cell). Unknown tags are ignored; unclosed tags end with their block.
 */
export function readMammothHtml(html: string): HtmlBlock[] {
  const blocks: HtmlBlock[] = [];
  let runs: HtmlRun[] = [];
  let boldDepth = 0;
  let tableDepth = 0;
  let rows: string[][] = [];
  let cell: string[] | null = null;

  const flushParagraph = (): void => {
    if (tableDepth > 0) {
      const text = runs.map((run) => run.text).join('');
      if (cell && text.trim().length > 0) cell.push(text.trim());
    } else if (runs.some((run) => run.text.trim().length > 0)) {
      blocks.push({ kind: 'paragraph', runs });
    }
    runs = [];
  };

  for (const match of html.matchAll(TOKEN)) {
    const [, closing, rawName, , text] = match;
    if (text !== undefined || match[0] === '<') {
      const value = decodeHtmlEntities(text ?? '<');
      const last = runs.at(-1);
      if (last && last.bold === boldDepth > 0) last.text += value;
      else runs.push({ text: value, bold: boldDepth > 0 });
      continue;
    }
    if (rawName === undefined) continue;
    const name = rawName.toLowerCase();
    if (BOLD_TAGS.has(name)) {
      boldDepth = Math.max(0, boldDepth + (closing ? -1 : 1));
    } else if (name === 'br') {
      flushParagraph();
    } else if (BLOCK_TAGS.has(name)) {
      flushParagraph();
      if (closing) boldDepth = 0;
    } else if (name === 'table') {
      flushParagraph();
      if (closing) {
        tableDepth = Math.max(0, tableDepth - 1);
        if (tableDepth === 0) {
          blocks.push({ kind: 'table', rows });
          rows = [];
          cell = null;
        }
      } else tableDepth++;
    } else if (name === 'tr' && tableDepth === 1) {
      flushParagraph();
      if (!closing) rows.push([]);
    } else if ((name === 'td' || name === 'th') && tableDepth === 1) {
      flushParagraph();
      if (closing) {
        rows.at(-1)?.push((cell ?? []).join('\n'));
        cell = null;
      } else cell = [];
    }
  }
  flushParagraph();
  if (tableDepth > 0) blocks.push({ kind: 'table', rows });
  return blocks;
}
