/**
 * Touchpoint mentions in quotes: the channel gazetteer plus the project's
 * inventory (name and aliases). A mention maps to an inventory touchpoint when one
 * of its own aliases matched, or else when the gazetteer key that matched is the
 * key of an inventory touchpoint (its name or aliases contain that channel:
 * inventory "Мобильное приложение" takes every "в приложении"). Otherwise it is a
 * discovered touchpoint: named by customers, absent from the inventory.
 * A quote's touchpoint tags count as mentions too (source 'tag', no offsets)
 * unless the text already mentions that touchpoint.
 */
import { tokenise } from '../text';
import type { QuoteInput, TouchpointInput } from '../types';
import { AliasMatcher } from './alias-pattern';
import { GAZETTEER, type GazetteerEntry } from './gazetteer';

export interface TouchpointMention {
  quoteId: string;
  /** Offsets in the quote's text (null for a mention that comes from a tag). */
  start: number | null;
  end: number | null;
  /** The words as written (the tag's name for a tag). */
  text: string;
  /** The inventory touchpoint, or null for a discovered one. */
  touchpointId: string | null;
  /** The gazetteer key, when the gazetteer recognised the words. */
  key: string | null;
  discovered: boolean;
  source: 'text' | 'tag';
}

type Target = { type: 'inventory'; id: string; order: number } | { type: 'gazetteer'; key: string; order: number };

let gazetteerMatcher: AliasMatcher<Target> | undefined;

function gazetteer(): AliasMatcher<Target> {
  if (!gazetteerMatcher) {
    const matcher = new AliasMatcher<Target>();
    GAZETTEER.forEach((entry, order) => {
      const target: Target = { type: 'gazetteer', key: entry.key, order };
      for (const alias of entry.aliases) matcher.add(alias, target, entry.exclude ?? []);
    });
    gazetteerMatcher = matcher;
  }
  return gazetteerMatcher;
}

/** The gazetteer entry of a key. */
export function gazetteerEntry(key: string): GazetteerEntry | undefined {
  return GAZETTEER.find((e) => e.key === key);
}

/**
 * Gazetteer keys named by a piece of text (an inventory name or alias), strongest
 * first. `full`: the channel is the whole text ("Мобильное приложение"). A partial
 * match counts only where the head noun usually stands: first in a Russian name
 * ("Приложение Tropa", "Чат в приложении"), last in an English one ("Tropa app"),
 * so "Клуб друзей" is not a word-of-mouth channel.
 */
export function gazetteerKeysOf(text: string): { key: string; full: boolean }[] {
  const tokens = tokenise(text);
  const out: { key: string; full: boolean }[] = [];
  const russian = tokens.filter((t) => t.lang === 'ru').length * 2 > tokens.length;
  for (const match of gazetteer().find(tokens)) {
    const full = match.first === 0 && match.length === tokens.length;
    const head = russian ? match.first === 0 : match.first + match.length === tokens.length;
    if (!full && !head) continue;
    for (const value of match.values) {
      if (value.type !== 'gazetteer') continue;
      const existing = out.find((o) => o.key === value.key);
      if (existing) existing.full = existing.full || full;
      else out.push({ key: value.key, full });
    }
  }
  return out.sort((a, b) => Number(b.full) - Number(a.full));
}

export interface InventoryIndex {
  matcher: AliasMatcher<Target>;
  /** gazetteer key → inventory touchpoint ids, best first. */
  byKey: Map<string, string[]>;
  /** inventory id → its gazetteer keys. */
  keysOf: Map<string, string[]>;
}

/** Compiles the inventory's names and aliases together with the gazetteer. */
export function indexInventory(inventory: readonly TouchpointInput[]): InventoryIndex {
  const matcher = new AliasMatcher<Target>();
  GAZETTEER.forEach((entry, order) => {
    const target: Target = { type: 'gazetteer', key: entry.key, order };
    for (const alias of entry.aliases) matcher.add(alias, target, entry.exclude ?? []);
  });
  const full = new Map<string, string[]>();
  const partial = new Map<string, string[]>();
  const keysOf = new Map<string, string[]>();
  inventory.forEach((tp, order) => {
    const target: Target = { type: 'inventory', id: tp.id, order };
    const names = [tp.name, ...(tp.aliases ?? [])].filter((n) => n && n.trim());
    for (const name of names) matcher.add(name, target);
    const keys: string[] = [];
    const add = (key: string, isFull: boolean): void => {
      const map = isFull ? full : partial;
      const list = map.get(key) ?? [];
      if (!list.includes(tp.id)) list.push(tp.id);
      map.set(key, list);
      if (!keys.includes(key)) keys.push(key);
    };
    for (const name of names) for (const { key, full: isFull } of gazetteerKeysOf(name)) add(key, isFull);
    if (tp.channel && gazetteerEntry(tp.channel)) add(tp.channel, true);
    keysOf.set(tp.id, keys);
  });
  const byKey = new Map<string, string[]>();
  for (const key of new Set([...full.keys(), ...partial.keys()])) {
    const ids = [...(full.get(key) ?? [])];
    for (const id of partial.get(key) ?? []) if (!ids.includes(id)) ids.push(id);
    byKey.set(key, ids);
  }
  return { matcher, byKey, keysOf };
}

/** Mentions in one quote. */
export function mentionsInQuote(quote: QuoteInput, index: InventoryIndex, inventory: readonly TouchpointInput[]): TouchpointMention[] {
  const text = quote.text ?? '';
  const tokens = tokenise(text, quote.lang);
  const mentions: TouchpointMention[] = [];
  for (const match of index.matcher.find(tokens)) {
    const inventoryHit = match.values.find((v): v is Extract<Target, { type: 'inventory' }> => v.type === 'inventory');
    // Values come longest alias first, so "чат-бот" wins over the "чат" inside it.
    const gazetteerHit = match.values.find((v): v is Extract<Target, { type: 'gazetteer' }> => v.type === 'gazetteer');
    const key = gazetteerHit?.key ?? null;
    let touchpointId = inventoryHit?.id ?? null;
    if (!touchpointId && key) touchpointId = index.byKey.get(key)?.[0] ?? null;
    mentions.push({
      quoteId: quote.id,
      start: match.start,
      end: match.end,
      text: text.slice(match.start, match.end),
      touchpointId,
      key,
      discovered: touchpointId === null,
      source: 'text',
    });
  }
  for (const tag of quote.tags ?? []) {
    if (tag.kind !== 'touchpoint') continue;
    const tp = inventory.find((t) => t.id === tag.id);
    if (!tp || mentions.some((m) => m.touchpointId === tp.id)) continue;
    mentions.push({
      quoteId: quote.id,
      start: null,
      end: null,
      text: tag.name ?? tp.name,
      touchpointId: tp.id,
      key: index.keysOf.get(tp.id)?.[0] ?? null,
      discovered: false,
      source: 'tag',
    });
  }
  return mentions;
}

/** Mentions in every quote, in input order. */
export function findTouchpointMentions(
  quotes: readonly QuoteInput[],
  inventory: readonly TouchpointInput[],
): TouchpointMention[] {
  const index = indexInventory(inventory);
  return quotes.flatMap((q) => mentionsInQuote(q, index, inventory));
}
