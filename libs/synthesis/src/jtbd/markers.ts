/**
 * Words that open the three clauses of a job statement:
 * situation ("когда", "if"), motivation ("хочу", "I'm trying to"), outcome
 * ("чтобы", "so I can"). Each marker also says how its clause is rendered in the
 * drafted statement, because "мне нужна карта" cannot become "я хочу карта".
 */
import type { Lang } from '../types';

export type JtbdPart = 'situation' | 'motivation' | 'outcome';

/**
 * How the clause reads after its lead:
 * - verbal: an infinitive phrase ("быстро найти размер", "track my order");
 * - nominal: a noun phrase ("a cheaper plan");
 * - that: a clause of its own ("чтобы курьер звонил заранее", "they call me first").
 */
export type ClauseForm = 'verbal' | 'nominal' | 'that';

export interface Marker {
  lang: Lang;
  part: JtbdPart;
  /** Words of the marker, lower case, ё folded; commas between them are optional in the text. */
  phrase: string;
  /** Words the statement puts before the clause; undefined = the part's default lead. */
  lead?: string;
  form: ClauseForm;
}

const m = (lang: Lang, part: JtbdPart, phrases: string, form: ClauseForm, lead?: string): Marker[] =>
  phrases
    .split('|')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((phrase) => ({ lang, part, phrase, form, lead }));

export const MARKERS: readonly Marker[] = [
  // Russian situation
  ...m('ru', 'situation', 'когда|если|в момент когда|в тот момент когда|в моменты когда|как только|каждый раз когда|всякий раз когда|в ситуации когда|в случае если|в случаях когда|в те дни когда|бывает что когда', 'that'),
  ...m('ru', 'situation', 'после того как', 'that', 'после того как'),
  ...m('ru', 'situation', 'перед тем как|прежде чем', 'that', 'перед тем как'),
  ...m('ru', 'situation', 'пока', 'that', 'пока'),
  // Russian motivation
  ...m('ru', 'motivation', 'я хочу|хочу|хотим|мы хотим|я бы хотела|я бы хотел|хотела бы|хотел бы|мне хотелось бы|хотелось бы|мне хочется|хочется|мне нужно|нужно|мне надо|надо|мне необходимо|необходимо|мне важно|для меня важно|важно|я пытаюсь|пытаюсь|я стараюсь|стараюсь|мечтаю|я планирую|планирую|собираюсь|я собираюсь|предпочитаю|я предпочитаю|нам нужно|нам надо|нам важно|я хотела|я хотел|хотела|хотел|хотели|мы хотели', 'verbal'),
  ...m('ru', 'motivation', 'мне нужен|нужен|нам нужен', 'nominal', 'мне нужен'),
  ...m('ru', 'motivation', 'мне нужна|нужна|нам нужна', 'nominal', 'мне нужна'),
  ...m('ru', 'motivation', 'мне нужны|нужны|нам нужны', 'nominal', 'мне нужны'),
  ...m('ru', 'motivation', 'я ищу|ищу|ищем', 'verbal', 'я хочу найти'),
  // Russian outcome
  ...m('ru', 'outcome', 'чтобы|чтоб|для того чтобы|так чтобы|дабы|затем чтобы|с тем чтобы|тогда я смогу|и тогда смогу|тогда смогу|чтобы потом', 'that'),
  // English situation
  ...m('en', 'situation', 'when|whenever|if|every time|each time|any time|anytime|as soon as|in cases when|in situations when', 'that'),
  ...m('en', 'situation', 'after', 'that', 'after'),
  ...m('en', 'situation', 'before', 'that', 'before'),
  ...m('en', 'situation', 'while', 'that', 'while'),
  // English motivation
  ...m('en', 'motivation', "i want to|i wanted to|i'd like to|i would like to|i need to|i needed to|i have to|i had to|i'm trying to|i am trying to|i try to|i tried to|i'd love to|i would love to|i'm looking to|i am looking to|i hope to|i wish i could|i just want to|i really want to|we want to|we need to|i'd prefer to|i prefer to|it's important to me to|it's important for me to|my goal is to|i'm hoping to|we wanted to|we needed to|we'd like to|we would like to", 'verbal'),
  ...m('en', 'motivation', "i want|i need|i'd like|i would like|i prefer|i'd prefer|i wish for|i just want|i really want|i really need|i needed|i wanted|we need|we needed|we want|we wanted", 'nominal'),
  ...m('en', 'motivation', "i'm looking for|i am looking for|i look for|i was looking for|i search for", 'verbal', 'I want to find'),
  ...m('en', 'motivation', "it's important to me that|it is important to me that|i want it to be that", 'that', 'I want'),
  // English outcome
  ...m('en', 'outcome', 'so that i can|so i can|so that i could|so i could|so that we can|so we can|in order to|to be able to|so as to|which lets me|that lets me|that way i can|then i can|so i am able to', 'verbal'),
  ...m('en', 'outcome', "so i don't have to|so that i don't have to|so i do not have to|so i won't have to|so that i won't have to", 'verbal', "so I don't have to"),
  ...m('en', 'outcome', "so i don't|so that i don't|so i do not|so that i do not", 'that', "so I don't"),
  ...m('en', 'outcome', "so i won't|so that i won't", 'that', "so I won't"),
  ...m('en', 'outcome', 'so that', 'that', 'so that'),
];

/** Phrases after a situation marker that make it a figure of speech ("если честно", "if you ask me"). */
export const NOT_A_SITUATION: Readonly<Record<Lang, readonly string[]>> = {
  ru: ['если честно', 'если что', 'если можно', 'если не ошибаюсь', 'если так можно сказать', 'если коротко', 'если вкратце', 'если честно сказать', 'когда-то', 'когда-нибудь', 'когда как', 'пока что', 'пока не знаю'],
  en: ['if you ask me', "if i'm being honest", "if i'm honest", 'if i am honest', 'if i remember', 'if you think about it', 'if i recall', 'if that makes sense', 'if any', 'if not', 'if so', 'if possible', 'if needed', 'if necessary', 'if you know what i mean', 'when it comes to', 'before that', 'after that', 'after all', 'while ago', 'as if', 'even if'],
};

/** Default lead of each part in each language. */
export const DEFAULT_LEADS: Readonly<Record<Lang, Readonly<Record<JtbdPart, Readonly<Record<ClauseForm, string>>>>>> = {
  ru: {
    situation: { verbal: 'когда', nominal: 'когда', that: 'когда' },
    motivation: { verbal: 'я хочу', nominal: 'я хочу', that: 'я хочу,' },
    outcome: { verbal: 'чтобы', nominal: 'чтобы', that: 'чтобы' },
  },
  en: {
    situation: { verbal: 'when', nominal: 'when', that: 'when' },
    motivation: { verbal: 'I want to', nominal: 'I want', that: 'I want' },
    outcome: { verbal: 'so I can', nominal: 'so I can have', that: 'so that' },
  },
};

/** Filler words and phrases removed from clauses (whole words, anywhere). */
export const FILLERS: Readonly<Record<Lang, readonly string[]>> = {
  ru: ['как бы', 'типа', 'короче', 'в общем', 'в общем-то', 'ну', 'это самое', 'так сказать', 'знаете', 'понимаете', 'вообще-то', 'собственно', 'эээ', 'ээ', 'э', 'эм', 'ммм', 'мм', 'честно говоря', 'скажем так', 'блин'],
  en: ['um', 'uh', 'umm', 'uhh', 'erm', 'er', 'you know', 'i mean', 'basically', 'like,', 'sort of', 'kind of', 'literally'],
};

/** Words dropped from the start or end of a clause (conjunctions and particles). */
export const EDGE_WORDS: Readonly<Record<Lang, readonly string[]>> = {
  ru: ['и', 'а', 'но', 'то', 'же', 'вот', 'просто', 'ну', 'так', 'или', 'да', 'тоже', 'вообще', 'всегда'],
  en: ['and', 'but', 'or', 'so', 'then', 'just', 'well', 'also', 'really', 'actually', 'always'],
};

/** Words that end a clause in the middle of a sentence (a new clause starts). */
export const CLAUSE_BREAKERS: Readonly<Record<Lang, readonly string[]>> = {
  ru: ['но', 'потому что', 'так как', 'поэтому', 'однако', 'а потом', 'хотя'],
  en: ['but', 'because', 'since', 'although', 'though', 'however', 'and then'],
};
