/**
 * Emoticons and emoji found in the raw text (the tokeniser drops punctuation and
 * symbols). Russian-style bracket smileys count too: "спасибо)))" is a smile,
 * "опять (((" a frown. A lone bracket is not counted: it is usually just a bracket.
 */
export interface EmoticonHit {
  start: number;
  end: number;
  text: string;
  score: number;
}

const POSITIVE_EMOJI =
  '😀😃😄😁😆😊☺🙂😉😍🥰😘😻🤩😎👍👌👏🙌💪🔥❤💖💕💗💓💞💯✨⭐🌟🎉🥳😇🤗😋😂🤣💚💙💜🧡🆒✅';
const NEGATIVE_EMOJI =
  '😞😟😠😡🤬😤😢😭😩😫😖😣☹🙁😕😒🙄😑😐😬😱😨😰👎💔🤮🤢💩😿❌⛔🤦🤷';

const EMOTICON = /(?<![\p{L}\p{N}])[:;=]-?[)\]DdPp3](?![\p{L}\p{N}])|(?<![\p{L}\p{N}])[:;=]-?[(\[]|\){2,}|\({2,}|\p{Extended_Pictographic}/gu;

const EMOJI_SCORE = 1;
const MAX_PER_KIND = 3;

function scoreOf(text: string): number {
  if (/\){2,}/.test(text) || /^[:;=]-?[)\]DdPp3]$/.test(text)) return EMOJI_SCORE;
  if (/\({2,}/.test(text) || /^[:;=]-?[(\[]$/.test(text)) return -EMOJI_SCORE;
  if (POSITIVE_EMOJI.includes(text)) return EMOJI_SCORE;
  if (NEGATIVE_EMOJI.includes(text)) return -EMOJI_SCORE;
  return 0;
}

/** Emoticons with a known valence, at most three of each sign counted. */
export function findEmoticons(text: string): EmoticonHit[] {
  const hits: EmoticonHit[] = [];
  let positives = 0;
  let negatives = 0;
  for (const match of text.matchAll(EMOTICON)) {
    const score = scoreOf(match[0]);
    if (score === 0) continue;
    if (score > 0 && positives >= MAX_PER_KIND) continue;
    if (score < 0 && negatives >= MAX_PER_KIND) continue;
    if (score > 0) positives++;
    else negatives++;
    const start = match.index ?? 0;
    hits.push({ start, end: start + match[0].length, text: match[0], score });
  }
  return hits;
}
