/**
 * Words that change the score of a nearby sentiment word, compared on folded
 * words (lower case, ё→е, straight apostrophes) as the tokeniser produces them.
 */

/** Negators: any of them within the window before a sentiment word flips it. */
export const NEGATORS: ReadonlySet<string> = new Set([
  // Russian (negative concord: "ни разу не" is one negation, not two)
  'не', 'нет', 'ни', 'никогда', 'ничего', 'ничем', 'никак', 'нисколько', 'без', 'нету', 'некуда', 'нельзя',
  // English
  'not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'without', 'hardly', 'barely', 'cannot',
  "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't", "can't", "couldn't", "won't", "wouldn't",
  "shouldn't", "haven't", "hasn't", "hadn't", "ain't", 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'arent',
  'werent', 'cant', 'couldnt', 'wont', 'wouldnt', 'shouldnt', 'havent', 'hasnt', 'hadnt',
]);

/** Intensifiers (factor > 1) and diminishers (factor < 1). */
export const MODIFIERS: ReadonlyMap<string, number> = new Map([
  ['очень', 1.5], ['крайне', 1.7], ['слишком', 1.3], ['совсем', 1.5], ['абсолютно', 1.6], ['совершенно', 1.6],
  ['невероятно', 1.7], ['чрезвычайно', 1.7], ['максимально', 1.5], ['настолько', 1.3], ['весьма', 1.3],
  ['реально', 1.3], ['жутко', 1.5], ['безумно', 1.6], ['вообще', 1.4], ['полностью', 1.4], ['сильно', 1.3],
  ['гораздо', 1.3], ['намного', 1.3], ['довольно', 1.1], ['прям', 1.2], ['прямо', 1.2], ['страшно', 1.4],
  ['дико', 1.5], ['ужасно', 1.5], ['супер', 1.4], ['офигенно', 1.5], ['особенно', 1.3], ['самый', 1.3],
  ['самая', 1.3], ['самое', 1.3], ['самые', 1.3], ['такой', 1.2], ['такая', 1.2], ['такое', 1.2],
  ['very', 1.5], ['really', 1.4], ['extremely', 1.8], ['so', 1.3], ['too', 1.3], ['totally', 1.5],
  ['absolutely', 1.6], ['completely', 1.5], ['incredibly', 1.7], ['super', 1.5], ['highly', 1.5], ['truly', 1.4],
  ['pretty', 1.1], ['especially', 1.3], ['remarkably', 1.5], ['exceptionally', 1.7], ['utterly', 1.6],
  ['deeply', 1.4], ['particularly', 1.3], ['terribly', 1.5], ['awfully', 1.5], ['insanely', 1.6], ['seriously', 1.4],
  ['quite', 1.1], ['most', 1.2], ['such', 1.2],
  ['немного', 0.6], ['слегка', 0.5], ['чуть', 0.6], ['немножко', 0.6], ['отчасти', 0.6], ['частично', 0.6],
  ['местами', 0.7], ['относительно', 0.7], ['более-менее', 0.6], ['почти', 0.7], ['вроде', 0.8],
  ['slightly', 0.5], ['somewhat', 0.6], ['bit', 0.6], ['little', 0.6], ['partly', 0.6], ['partially', 0.6],
  ['fairly', 0.8], ['rather', 0.9], ['mostly', 0.8], ['almost', 0.7], ['relatively', 0.7], ['marginally', 0.5],
]);

/** "kind of" / "sort of": a diminisher only when followed by "of". */
export const HEDGE_BEFORE_OF: ReadonlySet<string> = new Set(['kind', 'sort']);
export const HEDGE_FACTOR = 0.7;

/** Contrast: what follows "но"/"but" outweighs what precedes it in the sentence. */
export const CONTRAST_MARKERS: ReadonlySet<string> = new Set(['но', 'однако', 'зато', 'but', 'however', 'yet']);
export const BEFORE_CONTRAST_WEIGHT = 0.5;
export const AFTER_CONTRAST_WEIGHT = 1.5;

/** Concession: the clause opened by "хотя"/"although" counts half. */
export const CONCESSIVE_MARKERS: ReadonlySet<string> = new Set([
  'хотя', 'хоть', 'несмотря', 'although', 'though', 'despite',
]);
export const CONCESSIVE_WEIGHT = 0.5;

/**
 * Neutral verbs whose negation is a service failure: "не пришло", "never worked",
 * "не перезвонили". Scored NEGATED_NEUTRAL_SCORE when negated, nothing otherwise.
 */
export const NEGATABLE_NEUTRAL_WORDS = `работает, работал, работало, работала, помогло, помогает, помогли, пришло, пришел,
  пришла, приехал, приехали, доставили, привезли, ответили, отвечают, ответил, перезвонили, перезвонил, вернули,
  получила, получил, дозвониться, смогли, объяснили, объясняет, объясняют, решили, решает, решают, предупредили, починили, исправили, загружается, открывается,
  work, works, worked, working, help, helped, helps, arrive, arrived, came, deliver, delivered, answer, answered,
  respond, responded, reply, replied, call back, called back, refund, refunded, get through, got through, explain,
  explained, warn, warned, fix, fixed, load, loaded, loads, open, opens, opened, show up, showed up`;
export const NEGATED_NEUTRAL_SCORE = -1;

/** Negation of a positive word keeps most of its strength, of a negative word less ("not bad" is mild praise). */
export const NEGATED_POSITIVE_FACTOR = -0.75;
export const NEGATED_NEGATIVE_FACTOR = -0.5;
/** "не очень удобно", "not very good": negating an intensified word gives a mild opposite. */
export const NEGATED_INTENSIFIED_FACTOR = -0.5;

/** Tokens scanned back from a sentiment word for negators and modifiers. */
export const MODIFIER_WINDOW = 3;
