import type { TagResponse } from '@tropa/contracts';

/** Tag colours are saturated (#rrggbb); as a text background they are laid at this opacity so dark text stays readable. */
const HIGHLIGHT_ALPHA = 0.35;
/** A highlight with no tag yet. */
const UNTAGGED = '#9e9e9e';

function tint(hex: string): string {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  const value = parseInt(match ? match[1] : UNTAGGED.slice(1), 16);
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${HIGHLIGHT_ALPHA})`;
}

/**
 * The CSS background of highlighted text: the tag's colour, tinted; with several colours,
 * diagonal stripes of each so no tag hides another.
 */
export function highlightBackground(colors: readonly string[]): string {
  const unique = [...new Set(colors.map((color) => color.toLowerCase()))];
  if (unique.length === 0) {
    return tint(UNTAGGED);
  }
  if (unique.length === 1) {
    return tint(unique[0]);
  }
  const stripe = 6;
  const stops = unique.map((color, index) => `${tint(color)} ${index * stripe}px ${(index + 1) * stripe}px`);
  return `repeating-linear-gradient(135deg, ${stops.join(', ')})`;
}

/** The tag whose one-key shortcut this is (case-insensitive), if any. */
export function tagForShortcut(tags: readonly TagResponse[], key: string): TagResponse | null {
  if (key.length !== 1) {
    return null;
  }
  const wanted = key.toLowerCase();
  return tags.find((tag) => tag.shortcut !== null && tag.shortcut.toLowerCase() === wanted) ?? null;
}
