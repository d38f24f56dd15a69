import type { AnswerValue } from '@tropa/contracts';
import { DEMO_JOBS, DEMO_PERSONAS, DEMO_STAGES, DEMO_TOUCHPOINTS, type DemoPersona, type StagePhrase } from './demo-content';
import type { DemoRandom } from './demo-random';

/**
 * Evidence of the demo project generated from rules and templates with a seeded
 * PRNG: survey answers, dialogue transcripts (WebVTT) and a funnel events file.
 */

const STAGE_COUNT = DEMO_STAGES.length;
/** Stages whose satisfaction rating is also the emotion curve's input. */
export const MOOD_STAGES = [3, 4, 5];

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, value));

// --- Survey -------------------------------------------------------------------

export function demoSurveyDefinition(): Record<string, unknown> {
  const stageQuestions = DEMO_STAGES.flatMap((stage, index) => [
    { type: 'rating', name: `csat_${index}`, title: `Насколько вы довольны этапом «${stage.name}»?`, rateMin: 1, rateMax: 5 },
    ...(MOOD_STAGES.includes(index)
      ? [{ type: 'rating', name: `mood_${index}`, title: `Какие чувства у вас были на этапе «${stage.name}»? (1 — раздражение, 5 — восторг)`, rateMin: 1, rateMax: 5 }]
      : []),
    { type: 'comment', name: `story_${index}`, title: `Что запомнилось на этапе «${stage.name}»: что помогло, что мешало?` },
  ]);
  return {
    title: 'Как вы покупаете косметику',
    pages: [
      {
        name: 'about',
        elements: [
          {
            type: 'radiogroup',
            name: 'segment',
            title: 'Что лучше всего описывает вас?',
            isRequired: true,
            choices: DEMO_PERSONAS.map((persona) => ({ value: persona.name, text: persona.selfDescription })),
          },
          {
            type: 'comment',
            name: 'jtbd',
            title: 'Вспомните последнюю покупку косметики. Что происходило, чего вы хотели добиться и зачем?',
          },
          {
            type: 'checkbox',
            name: 'channels',
            title: 'Где вы узнаёте о новинках и выбираете косметику?',
            choices: DEMO_TOUCHPOINTS.filter((touchpoint) => touchpoint.key !== 'loyalty').map((touchpoint) => ({ value: touchpoint.key, text: touchpoint.name })),
          },
        ],
      },
      { name: 'stages', elements: stageQuestions },
      {
        name: 'nps',
        elements: [{ type: 'rating', name: 'nps', title: 'Насколько вероятно, что вы порекомендуете магазин друзьям?', rateMin: 0, rateMax: 10 }],
      },
    ],
  };
}

const OPENERS = ['', 'Если честно, ', 'Честно говоря, ', 'Мне кажется, ', 'Вообще, ', 'Из последнего: ', 'Запомнилось, что ', 'Скажу так: ', 'Ну, ', 'По опыту, ', 'Главное — '];
const PAIN_CLOSERS = ['', ' Очень неудобно.', ' Это раздражает.', ' Из-за этого чуть не ушла к конкурентам.', ' Расстроилась, конечно.', ' Надеюсь, исправят.', ' Ну сколько можно?', ' Осадочек остался.'];
const GAIN_CLOSERS = ['', ' Очень понравилось!', ' Приятно удивили.', ' Так держать.', ' Это прям плюс.', ' Теперь только к вам.', ' Спасибо!'];
const PERSONA_TAILS: Record<DemoPersona['key'], string[]> = {
  mama: [' С детьми на руках это особенно важно.', ' У меня на это просто нет времени.', ' Мне важно, чтобы всё было быстро.'],
  beauty: [' Я всё-таки в теме и сравниваю.', ' Для меня это важнее цены.', ' Я такие вещи сразу замечаю.'],
  student: [' При моём бюджете это критично.', ' Каждая сотня на счету.', ' Для студентки это заметно.'],
};

function sentence(opener: string, core: string): string {
  const text = opener ? `${opener}${core}` : capitalise(core);
  return `${text}.`;
}

function openAnswer(random: DemoRandom, stage: number, persona: DemoPersona, positive: boolean): string {
  const content = DEMO_STAGES[stage];
  const main = random.pick(positive ? content.gains : content.pains);
  let text = sentence(random.pick(OPENERS), main.text);
  if (random.chance(0.3)) {
    // Mixed feelings: the other side of the same stage.
    const other = random.pick(positive ? content.pains : content.gains);
    text += ` ${positive ? 'Но' : 'Хотя'} ${other.text}.`;
  } else {
    text += random.pick(positive ? GAIN_CLOSERS : PAIN_CLOSERS);
  }
  if (random.chance(0.35)) text += random.pick(PERSONA_TAILS[persona.key]);
  return text.trim();
}

function jobAnswer(random: DemoRandom, persona: DemoPersona): string {
  const job = DEMO_JOBS.find((item) => item.persona === persona.key) ?? DEMO_JOBS[0];
  const situation = random.pick(job.situations);
  const motivation = random.pick(job.motivations);
  const outcome = random.pick(job.outcomes);
  switch (random.int(0, 3)) {
    case 0:
      return `${capitalise(situation)}, ${motivation}, ${outcome}.`;
    case 1:
      return `Обычно так: ${situation} — ${motivation}, ${outcome}.`;
    case 2:
      return `${capitalise(motivation.replace(/^хочу /, 'мне нужно '))}, ${outcome}. Особенно ${situation}.`;
    default:
      return `Последний раз ${situation.replace(/^когда /, 'было так: ')}. Я ${motivation}, ${outcome}.`;
  }
}

export interface DemoRespondent {
  respondentKey: string;
  persona: DemoPersona;
  answers: Record<string, AnswerValue>;
}

function pickPersona(random: DemoRandom): DemoPersona {
  let roll = random.next();
  for (const persona of DEMO_PERSONAS) {
    roll -= persona.share;
    if (roll < 0) return persona;
  }
  return DEMO_PERSONAS[DEMO_PERSONAS.length - 1];
}

/** `count` respondents; every open answer differs from every other. */
export function demoRespondents(random: DemoRandom, count: number): DemoRespondent[] {
  const seen = new Set<string>();
  const unique = (make: () => string): string | null => {
    for (let attempt = 0; attempt < 30; attempt++) {
      const text = make();
      if (!seen.has(text)) {
        seen.add(text);
        return text;
      }
    }
    return null;
  };
  const respondents: DemoRespondent[] = [];
  for (let i = 0; i < count; i++) {
    const persona = pickPersona(random);
    const shift = persona.key === 'beauty' ? 0.2 : persona.key === 'student' ? -0.2 : 0;
    const answers: Record<string, AnswerValue> = { segment: persona.name };
    if (random.chance(0.85)) {
      const job = unique(() => jobAnswer(random, persona));
      if (job) answers['jtbd'] = job;
    }
    answers['channels'] = random.sample(
      DEMO_TOUCHPOINTS.filter((touchpoint) => touchpoint.key !== 'loyalty').map((touchpoint) => touchpoint.key),
      random.int(1, 4),
    );
    const reached = random.int(4, STAGE_COUNT);
    const ratings: number[] = [];
    for (let stage = 0; stage < reached; stage++) {
      const rating = clamp(Math.round(DEMO_STAGES[stage].satisfaction + shift + (random.next() + random.next() - 1) * 2.4), 1, 5);
      ratings.push(rating);
      answers[`csat_${stage}`] = rating;
      if (MOOD_STAGES.includes(stage)) answers[`mood_${stage}`] = clamp(rating + random.int(-1, 1), 1, 5);
    }
    for (const stage of random.sample(
      Array.from({ length: reached }, (_, index) => index),
      random.int(2, 3),
    )) {
      const positive = random.chance((ratings[stage] - 1) / 4);
      const story = unique(() => openAnswer(random, stage, persona, positive));
      if (story) answers[`story_${stage}`] = story;
    }
    const mean = ratings.reduce((sum, value) => sum + value, 0) / ratings.length;
    answers['nps'] = clamp(Math.round((mean - 1) * 2.5 + random.int(-1, 2)), 0, 10);
    respondents.push({ respondentKey: `demo-${String(i + 1).padStart(4, '0')}`, persona, answers });
  }
  return respondents;
}

// --- Dialogues ------------------------------------------------------------------

export interface DemoSpeaker {
  pseudonym: string;
  persona: DemoPersona['key'];
}

export const MODERATOR_SPEAKER = 'Модератор';

/** An utterance of a generated transcript, with what the generator knows about it. */
export interface DemoLine {
  speaker: string;
  text: string;
  stage: number | null;
  /** What a coder would tag it as; null for moderation and small talk. */
  code: 'pain' | 'gain' | 'job' | null;
  phraseKind: StagePhrase['kind'] | null;
  /** The span worth highlighting. */
  start: number;
  end: number;
}

const FILLERS = ['', 'Ну, ', 'Слушайте, ', 'Да, ', 'Если честно, ', 'Я бы сказала, ', 'Знаете, ', 'Хм, ', 'Честно, ', 'Как по мне, ', 'Мне запомнилось, что '];
const GROUP_FOLLOW_UPS = ['Кто-то ещё сталкивался с таким?', 'А у остальных как было?'];
const PAIN_FOLLOW_UPS = ['А что именно вас тогда задело?', 'Как вы себя в тот момент чувствовали?', 'Что бы вы поменяли на их месте?'];
const GAIN_FOLLOW_UPS = ['А что именно понравилось?', 'Это повлияло на то, что вы сделали дальше?'];
const FOLLOW_UPS = [
  'Можете привести пример?',
  'А как вы поступили дальше?',
  'Это было один раз или повторяется?',
];
const AGREEMENTS = ['Да, у меня было то же самое.', 'Согласна, прямо один в один.', 'А у меня, наоборот, всё было нормально.', 'Плюсую.', 'Да-да, знакомо.', 'Не, я с таким не сталкивалась.'];
const ACKS = ['Понятно, спасибо.', 'Интересно, записала.', 'Спасибо, это важно.', 'Хорошо, идём дальше.', 'Ясно.'];
const INTROS: Record<DemoPersona['key'], string[]> = {
  mama: ['Работаю бухгалтером, двое детей, покупаю в основном с телефона.', 'У меня сын и дочка, времени в обрез, поэтому всё заказываю онлайн.'],
  beauty: ['Я обожаю уход, у меня полка средств и подписка на десяток блогеров.', 'Работаю в рекламе, косметика — моё хобби, пробую всё новое.'],
  student: ['Учусь на третьем курсе, подрабатываю, поэтому всегда ищу скидки.', 'Студентка, живу в общежитии, заказываю в пункт выдачи рядом.'],
};

function participantReply(random: DemoRandom, speaker: DemoSpeaker, stage: number, positive: boolean, said: Set<string>): DemoLine {
  const pool = positive ? DEMO_STAGES[stage].gains : DEMO_STAGES[stage].pains;
  // A person tells each story once; when she has told them all, she repeats one.
  const fresh = pool.filter((item) => !said.has(`${speaker.pseudonym}|${item.text}`));
  const phrase = random.pick(fresh.length ? fresh : pool);
  said.add(`${speaker.pseudonym}|${phrase.text}`);
  const filler = random.pick(FILLERS);
  const core = filler ? phrase.text : capitalise(phrase.text);
  let text = `${filler}${core}.`;
  const start = filler.length;
  const end = start + core.length;
  if (random.chance(0.4)) text += random.pick(positive ? GAIN_CLOSERS : PAIN_CLOSERS);
  if (random.chance(0.3)) text += random.pick(PERSONA_TAILS[speaker.persona]);
  return { speaker: speaker.pseudonym, text: text.trim(), stage, code: positive ? 'gain' : 'pain', phraseKind: phrase.kind ?? null, start, end };
}

function jobReply(random: DemoRandom, speaker: DemoSpeaker): DemoLine {
  const text = jobAnswer(random, DEMO_PERSONAS.find((persona) => persona.key === speaker.persona) ?? DEMO_PERSONAS[0]);
  return { speaker: speaker.pseudonym, text, stage: null, code: 'job', phraseKind: null, start: 0, end: text.length };
}

function plain(speaker: string, text: string): DemoLine {
  return { speaker, text, stage: null, code: null, phraseKind: null, start: 0, end: text.length };
}

/** A focus group or an interview: the moderator walks the stages until the talk is long enough. */
export function demoDialogue(random: DemoRandom, speakers: DemoSpeaker[], minUtterances: number): DemoLine[] {
  const lines = new DialogueLines();
  const said = new Set<string>();
  const group = speakers.length > 1;
  const followUps = group ? [...FOLLOW_UPS, ...GROUP_FOLLOW_UPS] : FOLLOW_UPS;
  lines.push(
    plain(
      MODERATOR_SPEAKER,
      group
        ? 'Добрый вечер! Спасибо, что пришли. Сегодня поговорим о том, как вы покупаете косметику, — от первой мысли до повторной покупки. Правильных ответов нет.'
        : 'Здравствуйте! Спасибо, что согласились поговорить. Я буду расспрашивать, как вы покупаете косметику, — рассказывайте как есть.',
    ),
    plain(MODERATOR_SPEAKER, group ? 'Давайте коротко познакомимся: как вас зовут и чем вы занимаетесь?' : 'Расскажите немного о себе.'),
  );
  for (const speaker of speakers) lines.push(plain(speaker.pseudonym, `${group ? `Я ${speaker.pseudonym}. ` : ''}${random.pick(INTROS[speaker.persona])}`));
  lines.push(plain(MODERATOR_SPEAKER, 'Вспомните, в какой ситуации вы обычно решаете купить косметику. Чего вы хотите добиться?'));
  for (const speaker of random.sample(speakers, Math.min(3, speakers.length))) lines.push(jobReply(random, speaker));

  for (let pass = 0; lines.length < minUtterances - 2; pass++) {
    for (let stage = 0; stage < STAGE_COUNT && lines.length < minUtterances - 2; stage++) {
      const content = DEMO_STAGES[stage];
      const question = pass < content.moderatorQuestions.length ? content.moderatorQuestions[pass] : `Вернёмся к этапу «${content.name}». Что ещё вспоминается?`;
      lines.push(plain(MODERATOR_SPEAKER, question));
      const replies = group ? random.int(3, 5) : random.int(2, 3);
      for (let r = 0; r < replies; r++) {
        // In a group the word passes to someone else than the last speaker.
        const speaker = group ? random.pick(speakers.filter((item) => item.pseudonym !== lines.lastSpeaker)) : speakers[0];
        if (!group && r > 0) lines.push(plain(MODERATOR_SPEAKER, random.pick(followUps)));
        const positive = random.chance((content.satisfaction - 1.5) / 4);
        const reply = participantReply(random, speaker, stage, positive, said);
        lines.push(reply);
        if (group && random.chance(0.3)) {
          const other = random.pick(speakers.filter((item) => item !== speaker));
          lines.push(plain(other.pseudonym, random.pick(AGREEMENTS)));
        }
        if (random.chance(0.35)) {
          lines.push(plain(MODERATOR_SPEAKER, random.pick([...followUps, ...(reply.code === 'pain' ? PAIN_FOLLOW_UPS : GAIN_FOLLOW_UPS)])));
          lines.push(participantReply(random, speaker, stage, random.chance(0.4), said));
        }
      }
      if (random.chance(0.5)) lines.push(plain(MODERATOR_SPEAKER, random.pick(ACKS)));
      if (stage === 3 && pass === 0) {
        lines.push(plain(MODERATOR_SPEAKER, 'А если вернуться к тому, ради чего вы вообще покупаете: что для вас главное?'));
        for (const speaker of random.sample(speakers, Math.min(2, speakers.length))) lines.push(jobReply(random, speaker));
      }
    }
  }
  lines.push(plain(MODERATOR_SPEAKER, group ? 'Спасибо всем большое, это было очень полезно!' : 'Спасибо большое, вы очень помогли!'));
  lines.push(plain(speakers[0].pseudonym, 'Спасибо вам, было интересно.'));
  return lines.items;
}

/**
 * The transcript import joins consecutive cues of one speaker into one utterance, so
 * the generator does the same: a line of the previous speaker is appended to it.
 */
class DialogueLines {
  readonly items: DemoLine[] = [];

  get length(): number {
    return this.items.length;
  }

  get lastSpeaker(): string | undefined {
    return this.items[this.items.length - 1]?.speaker;
  }

  push(...lines: DemoLine[]): void {
    for (const line of lines) {
      const last = this.items[this.items.length - 1];
      if (!last || last.speaker !== line.speaker) {
        this.items.push(line);
        continue;
      }
      const offset = last.text.length + 1;
      const merged = `${last.text} ${line.text}`;
      this.items[this.items.length - 1] =
        last.code || !line.code ? { ...last, text: merged } : { ...line, text: merged, start: line.start + offset, end: line.end + offset };
    }
  }
}

const timestamp = (ms: number) => {
  const pad = (value: number, size = 2) => String(value).padStart(size, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
};

/** The dialogue as a WebVTT file with voice tags, the format Zoom and Teams export. */
export function toVtt(lines: DemoLine[]): string {
  let at = 5_000;
  const cues = lines.map((line, index) => {
    const duration = 1_200 + line.text.length * 55;
    const cue = `${index + 1}\n${timestamp(at)} --> ${timestamp(at + duration)}\n<v ${line.speaker}>${line.text}</v>`;
    at += duration + 400;
    return cue;
  });
  return ['WEBVTT', '', ...cues.flatMap((cue) => [cue, ''])].join('\n');
}

// --- Funnel events ------------------------------------------------------------

/** Chance to go on from each stage to the next. */
const CONTINUE = [0.62, 0.55, 0.5, 0.64, 0.82, 0.46];

/** Customers walking the stages with drop-off; purchases carry an amount (roubles). */
export function demoEventsCsv(random: DemoRandom, stageNames: string[], customers: number): { csv: string; rows: number } {
  const lines = ['customer_id,stage,timestamp,amount'];
  const start = Date.UTC(2026, 7, 1, 8);
  for (let i = 0; i < customers; i++) {
    let at = start + random.int(0, 80) * 86_400_000 + random.int(0, 14 * 60) * 60_000;
    const customer = `c${String(i + 1).padStart(5, '0')}`;
    for (let stage = 0; stage < stageNames.length; stage++) {
      const amount = stage === 4 ? String(random.int(6, 55) * 100 - 10) : '';
      lines.push(`${customer},${stageNames[stage]},${new Date(at).toISOString().slice(0, 16).replace('T', ' ')},${amount}`);
      if (stage >= CONTINUE.length || !random.chance(CONTINUE[stage])) break;
      at += random.int(1, 72) * 3_600_000;
    }
  }
  return { csv: lines.join('\n'), rows: lines.length - 1 };
}
