/**
 * Small RU and EN projects for the journey tests (not exported from the library).
 * EN: a coffee subscription — three stages, two interview sessions and one survey.
 * RU: grocery delivery — two stages, one session and one survey.
 */
import { analyseTouchpoints } from '../touchpoints/analyse-touchpoints';
import type { QuoteInput, TouchpointInput } from '../types';
import type { AssembleJourneyInput, EvidenceQuote, EvidenceTag, JourneyStageInput } from './journey.types';

export function evidenceQuote(id: string, text: string, fields: Partial<EvidenceQuote> = {}): EvidenceQuote {
  return {
    id,
    text,
    stageId: null,
    stageInferred: false,
    sentiment: null,
    sentimentInferred: true,
    tags: [],
    participantKey: 'p1',
    sourceId: 's1',
    sourceKind: 'session',
    personaId: null,
    ...fields,
  };
}

const tag = (kind: EvidenceTag['kind'], id: string, name: string, valence?: number): EvidenceTag => (valence === undefined ? { kind, id, name } : { kind, id, name, valence });

export const EN_STAGES: JourneyStageInput[] = [
  { id: 'pu', name: 'Purchase', order: 3 },
  { id: 'aw', name: 'Awareness', order: 1 },
  { id: 'co', name: 'Consideration', order: 2 },
];

const DELIVERY = tag('pain', 'pain-delivery', 'Slow delivery');
const FEES = tag('pain', 'pain-fees', 'Hidden fees');
const TASTE = tag('gain', 'gain-taste', 'Great taste');
const COMPARE = tag('action', 'act-compare', 'Compares prices');
const TRIAL = tag('decision', 'dec-trial', 'Decides after a free trial');
const FRUSTRATION = tag('emotion', 'emo-frustration', 'Frustration', -2);

/** p1–p3 are persona A (session s1), p4–p5 persona B (session s2), r1–r2 respondents of survey v1 (persona B). */
function person(key: string): Pick<EvidenceQuote, 'participantKey' | 'sourceId' | 'sourceKind' | 'personaId'> {
  if (key.startsWith('r')) return { participantKey: key, sourceId: 'v1', sourceKind: 'survey', personaId: 'pB' };
  const session = ['p1', 'p2', 'p3'].includes(key) ? 's1' : 's2';
  return { participantKey: key, sourceId: session, sourceKind: 'session', personaId: session === 's1' ? 'pA' : 'pB' };
}

export const EN_QUOTES: EvidenceQuote[] = [
  evidenceQuote('q1', 'I saw an advert for the coffee subscription on Instagram', { ...person('p1'), stageId: 'aw', sentiment: 1 }),
  evidenceQuote('q2', 'A friend told me about the subscription and then I found it on Instagram', { ...person('p4'), stageId: 'aw', stageInferred: true, sentiment: 1 }),
  evidenceQuote('q3', 'I compared prices on the website with the supermarket coffee', { ...person('p2'), stageId: 'co', sentiment: 0, tags: [COMPARE] }),
  evidenceQuote('q4', 'Compared the price per cup on the website before signing up', { ...person('p5'), stageId: 'co', sentiment: 0, tags: [COMPARE] }),
  evidenceQuote('q5', 'I decided to try because the first box was free', { ...person('r1'), stageId: 'co', sentiment: 1, tags: [TRIAL] }),
  evidenceQuote('q6', 'Delivery took two weeks, I was furious', { ...person('p1'), stageId: 'pu', sentiment: -2, sentimentInferred: false, tags: [DELIVERY, FRUSTRATION] }),
  evidenceQuote('q7', 'The delivery was very slow and nobody told me where the box was', { ...person('p2'), stageId: 'pu', sentiment: -1.5, tags: [DELIVERY] }),
  evidenceQuote('q8', 'Slow delivery again, the box came a week late', { ...person('p3'), stageId: 'pu', sentiment: -1, tags: [DELIVERY] }),
  evidenceQuote('q9', 'Waiting for the delivery ruined the whole experience', { ...person('p4'), stageId: 'pu', sentiment: -1, tags: [DELIVERY] }),
  evidenceQuote('q10', 'Delivery was slow', { ...person('r2'), stageId: 'pu', sentiment: -1, tags: [DELIVERY] }),
  evidenceQuote('q11', 'There were hidden fees at the last step', { ...person('p1'), stageId: 'pu', sentiment: -1, tags: [FEES] }),
  evidenceQuote('q12', 'Those hidden fees annoyed me', { ...person('p1'), stageId: 'pu', sentiment: -1, tags: [FEES] }),
  evidenceQuote('q13', 'The coffee tastes great, better than in cafes', { ...person('p5'), stageId: 'pu', sentiment: 2, tags: [TASTE] }),
  evidenceQuote('q14', 'I like the taste of the coffee a lot', { ...person('p3'), stageId: 'pu', sentiment: 1.5, tags: [TASTE] }),
  evidenceQuote('q15', 'Hello, thanks for having me', { ...person('p2'), stageId: null }),
];

const EN_INVENTORY: TouchpointInput[] = [
  { id: 'tp-site', name: 'Website' },
  { id: 'tp-fax', name: 'Fax' },
];

export function toQuoteInputs(quotes: readonly EvidenceQuote[]): QuoteInput[] {
  return quotes.map((q) => ({ id: q.id, text: q.text, participantId: q.participantKey, sourceId: q.sourceId, ...(q.sentiment === null ? {} : { sentiment: q.sentiment }) }));
}

export function touchpointAnalysisOf(quotes: readonly EvidenceQuote[], inventory: readonly TouchpointInput[], lang: 'ru' | 'en') {
  return analyseTouchpoints({
    quotes: toQuoteInputs(quotes),
    inventory,
    stages: quotes.map((q) => ({ quoteId: q.id, stageId: q.stageId, probability: 1, source: 'tag' as const })),
    lang,
  });
}

export function enInput(overrides: Partial<AssembleJourneyInput> = {}): AssembleJourneyInput {
  return {
    lang: 'en',
    stages: EN_STAGES,
    quotes: EN_QUOTES,
    jobs: [
      { id: 'j1', title: 'Coffee at home', statement: 'When I run out of coffee, I want it delivered, so I can skip the shop', quoteIds: ['q2', 'q5', 'q13'] },
      { id: 'j-ghost', title: 'Ghost job', statement: 'Nobody said this', quoteIds: ['missing-quote'] },
    ],
    themes: [
      { id: 't-slow', label: 'slow delivery box', quoteIds: ['q7', 'q8', 'q9'], meanSentiment: -1.2 },
      { id: 't-taste', label: 'coffee taste', quoteIds: ['q13', 'q14'], meanSentiment: 1.7 },
      { id: 't-neutral', label: 'price website', quoteIds: ['q3', 'q4'], meanSentiment: 0 },
    ],
    touchpoints: touchpointAnalysisOf(EN_QUOTES, EN_INVENTORY, 'en'),
    surveyMetrics: [
      { stageId: 'pu', kind: 'csat', value: 2, min: 1, max: 5, respondentKey: 'r1', sourceId: 'v1', personaId: 'pB' },
      { stageId: 'pu', kind: 'csat', value: 1, min: 1, max: 5, respondentKey: 'r2', sourceId: 'v1', personaId: 'pB' },
      { stageId: 'co', kind: 'ces', value: 2, min: 1, max: 7, reversed: true, respondentKey: 'r1', sourceId: 'v1', personaId: 'pB' },
      { stageId: 'co', kind: 'csat', value: 9, min: 1, max: 5, respondentKey: 'r2', sourceId: 'v1', personaId: 'pB' },
    ],
    metrics: [
      { stageId: 'aw', leads: 1000, source: 'events' },
      { stageId: 'co', leads: 300, source: 'events' },
      { stageId: 'pu', leads: 120, averageCheck: 25, purchaseFrequency: 1.5, source: 'events' },
    ],
    ...overrides,
  };
}

export const RU_STAGES: JourneyStageInput[] = [
  { id: 'ru-int', name: 'Интерес', order: 1 },
  { id: 'ru-buy', name: 'Покупка', order: 2 },
];

const ru = (id: string, text: string, participantKey: string, fields: Partial<EvidenceQuote>): EvidenceQuote =>
  evidenceQuote(id, text, { participantKey, sourceId: participantKey.startsWith('r') ? 'ru-survey' : 'ru-session', sourceKind: participantKey.startsWith('r') ? 'survey' : 'session', ...fields });

const RU_PAIN = tag('pain', 'ru-pain-courier', 'Курьер опаздывает');

export const RU_QUOTES: EvidenceQuote[] = [
  ru('rq1', 'Узнала про доставку из телеграм-канала', 'u1', { stageId: 'ru-int', sentiment: 1 }),
  ru('rq2', 'Подписалась в телеграме, там скидки', 'r1', { stageId: 'ru-int', sentiment: 1 }),
  ru('rq3', 'Курьер опоздал на два часа, продукты растаяли', 'u1', { stageId: 'ru-buy', sentiment: -2, tags: [RU_PAIN] }),
  ru('rq4', 'Опять ждали курьера весь вечер', 'r2', { stageId: 'ru-buy', sentiment: -1, tags: [RU_PAIN] }),
];

export function ruInput(overrides: Partial<AssembleJourneyInput> = {}): AssembleJourneyInput {
  return {
    lang: 'ru',
    stages: RU_STAGES,
    quotes: RU_QUOTES,
    touchpoints: touchpointAnalysisOf(RU_QUOTES, [{ id: 'ru-site', name: 'Сайт' }], 'ru'),
    ...overrides,
  };
}
