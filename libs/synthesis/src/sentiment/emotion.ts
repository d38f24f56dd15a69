/**
 * Names the emotion of a quote. An explicit cue in the text ("любопытно", "бесит",
 * "worried") wins when its sign does not contradict the score; otherwise the
 * emotion is a band of the score: delight ≥ 1.25 > satisfaction ≥ 0.25 > neutral
 * > -0.25 ≥ disappointment > -1.25 ≥ irritation. The bands are a coarse naming,
 * not a measurement: only the cues say more than the score itself.
 */
import { tokenise } from '../text';
import type { Lang } from '../types';
import { EMOTION_CUES, EMOTION_VALENCE, type Emotion } from './emotion-lexicon';
import { NEGATORS } from './modifiers';
import { PhraseIndex } from './phrase-index';

let cueIndex: PhraseIndex<Emotion> | undefined;

function cues(): PhraseIndex<Emotion> {
  if (!cueIndex) {
    const index = new PhraseIndex<Emotion>();
    for (const [emotion, list] of Object.entries(EMOTION_CUES) as Array<[Emotion, string]>) {
      for (const entry of list.split(/[,\n]/).map((e) => e.trim()).filter(Boolean)) index.add(entry, emotion);
    }
    cueIndex = index;
  }
  return cueIndex;
}

/** Emotions named in the text, with counts; a cue right after a negator ("не интересно") is skipped. */
export function detectEmotionCues(text: string, lang?: Lang): Partial<Record<Emotion, number>> {
  const tokens = tokenise(text, lang);
  const found: Partial<Record<Emotion, number>> = {};
  for (const hit of cues().findAll(tokens)) {
    const prev = tokens[hit.index - 1];
    const prev2 = tokens[hit.index - 2];
    if ((prev && NEGATORS.has(prev.norm)) || (prev2 && NEGATORS.has(prev2.norm))) continue;
    found[hit.value] = (found[hit.value] ?? 0) + 1;
  }
  return found;
}

/** The emotion band of a -2..+2 score. */
export function emotionOfScore(score: number): Emotion {
  if (score >= 1.25) return 'delight';
  if (score >= 0.25) return 'satisfaction';
  if (score <= -1.25) return 'irritation';
  if (score <= -0.25) return 'disappointment';
  return 'neutral';
}

const ORDER: readonly Emotion[] = [
  'irritation', 'disappointment', 'anxiety', 'confusion', 'delight', 'satisfaction', 'curiosity', 'neutral',
];

/** Emotion from a score and optional cue counts (from detectEmotionCues or an emotion tag's name). */
export function emotionOf(score: number, cueCounts: Partial<Record<Emotion, number>> = {}): Emotion {
  const sign = score >= 0.25 ? 1 : score <= -0.25 ? -1 : 0;
  let best: Emotion | undefined;
  let top = 0;
  for (const emotion of ORDER) {
    const n = cueCounts[emotion] ?? 0;
    if (n <= 0) continue;
    const valence = EMOTION_VALENCE[emotion];
    if (sign !== 0 && valence !== 0 && valence !== sign) continue;
    if (n > top) {
      best = emotion;
      top = n;
    }
  }
  return best ?? emotionOfScore(score);
}
