/**
 * Maps a project's stages to lexicon keys by name: the stage name's stems must
 * contain one of a key's names as a contiguous run of stems; the longest such
 * name wins ("Initial consideration" → initial_consideration, not consideration),
 * ties go to the earlier key. Unmatched stages get no key.
 */
import { tokenise } from '../text';
import type { StageInput } from '../types';
import { STAGE_LEXICON, type StageKey } from './stage-lexicon';

function stemsOf(text: string): string[] {
  return tokenise(text).map((t) => t.stem);
}

function contains(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    let ok = true;
    for (let k = 0; k < needle.length; k++) {
      if (haystack[i + k] !== needle[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  return false;
}

/** The lexicon key of a stage name, or null. */
export function stageKeyOf(name: string): StageKey | null {
  const stems = stemsOf(name);
  let best: StageKey | null = null;
  let bestLength = 0;
  for (const entry of STAGE_LEXICON) {
    for (const candidate of entry.names.split('|')) {
      const needle = stemsOf(candidate);
      if (needle.length > bestLength && contains(stems, needle)) {
        best = entry.key;
        bestLength = needle.length;
      }
    }
  }
  return best;
}

/** Stage id → lexicon key, for the stages whose names match one. */
export function matchStagesToLexicon(stages: readonly StageInput[]): Map<string, StageKey> {
  const out = new Map<string, StageKey>();
  for (const stage of stages) {
    const key = stageKeyOf(stage.name);
    if (key) out.set(stage.id, key);
  }
  return out;
}
