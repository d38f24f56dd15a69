export type PiiKind = 'email' | 'phone' | 'card' | 'url';

/** Personal data found in a text: `text === source.slice(start, end)` (UTF-16 offsets). */
export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
  text: string;
}
