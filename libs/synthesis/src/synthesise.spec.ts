import type { QuoteInput, StageInput, TouchpointInput } from './types';
import { ENGINE_VERSION, jobLabel, synthesise } from './synthesise';

const stages: StageInput[] = [
  { id: 'aw', name: 'Осознание', order: 1 },
  { id: 'pu', name: 'Покупка', order: 2 },
  { id: 'se', name: 'Послепродажное обслуживание', order: 3 },
];

const touchpoints: TouchpointInput[] = [
  { id: 'tp-app', name: 'Мобильное приложение' },
  { id: 'tp-fax', name: 'Факс' },
];

const coffeeJobs = [
  'Когда я еду на работу, хочу заказать кофе заранее в приложении, чтобы не стоять в очереди.',
  'Когда утром спешу, хочу заранее заказать кофе, чтобы забрать его сразу.',
  'Если опаздываю, мне нужно заказать кофе заранее через приложение, чтобы не ждать.',
  'Когда бегу в офис, хочу оформить кофе заранее, чтобы забрать без очереди.',
  'Хочу заранее заказывать кофе в приложении, чтобы утром не терять время.',
  'Когда стою в пробке, хочу заказать кофе заранее, чтобы он был готов к приезду.',
];

const courierComplaints = [
  'Курьер опоздал на два часа и нахамил.',
  'Курьер опять опоздал, доставка ужасная.',
  'Доставка курьером задержалась, курьер не позвонил.',
  'Курьер привёз заказ с опозданием, пакет порван.',
  'Курьер нагрубил, доставка опоздала на час.',
  'Опоздание курьера уже третий раз, доставка отвратительная.',
];

function quotes(): QuoteInput[] {
  return [...coffeeJobs, ...courierComplaints].map((text, i) => ({
    id: `q${i + 1}`,
    text,
    participantId: `p${i % 5}`,
    sourceId: `s${i % 3}`,
  }));
}

describe('synthesise', () => {
  it('should return empty data when the input is empty', () => {
    const result = synthesise({ quotes: [], stages, touchpoints });
    expect(result.engineVersion).toBe(ENGINE_VERSION);
    expect(result.clusters).toEqual([]);
    expect(result.unclustered).toEqual([]);
    expect(result.stages).toEqual([]);
    expect(result.sentiment).toEqual([]);
    expect(result.touchpoints.mentions).toEqual([]);
    expect(result.touchpoints.silent.map((s) => s.touchpointId)).toEqual(['tp-app', 'tp-fax']);
  });

  it('should give identical output when run twice with the same seed', () => {
    const a = synthesise({ quotes: quotes(), stages, touchpoints, options: { seed: 7 } });
    const b = synthesise({ quotes: quotes(), stages, touchpoints, options: { seed: 7 } });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('should name a job by its motivation, whole in Russian when the motivation is a "чтобы" clause', () => {
    const statement = (lang: 'ru' | 'en', motivation: string) => ({
      text: '',
      lang,
      situation: { text: null, quoteId: null, missing: true, start: null, end: null },
      motivation: { text: motivation, quoteId: 'q1', missing: false, start: 0, end: motivation.length },
      outcome: { text: null, quoteId: null, missing: true, start: null, end: null },
      jobQuoteIds: ['q1'],
    });
    expect(jobLabel(statement('ru', 'заказать всё сразу'))).toBe('Заказать всё сразу');
    expect(jobLabel(statement('ru', 'чтобы доставили к вечеру'))).toBe('Хочу, чтобы доставили к вечеру');
    expect(jobLabel(statement('en', 'track the courier'))).toBe('Track the courier');
    expect(jobLabel(null)).toBeNull();
  });

  it('should report each step in order and finish at one when a progress callback is given', () => {
    const steps: string[] = [];
    synthesise({ quotes: quotes(), stages, touchpoints, onProgress: (step, fraction) => steps.push(`${step}:${fraction}`) });
    expect(steps).toEqual(['sentiment:0', 'stages:0', 'clustering:0', 'touchpoints:0', 'touchpoints:1']);
  });

  it('should mark the job cluster and draft its statement when quotes state a job', () => {
    const result = synthesise({ quotes: quotes(), stages, touchpoints, options: { seed: 1, k: 2 } });
    expect(result.clusters).toHaveLength(2);
    const job = result.clusters.find((c) => c.memberIds.includes('q1'));
    const theme = result.clusters.find((c) => c.memberIds.includes('q7'));
    expect(job?.kind).toBe('job');
    expect(job?.jtbd?.text).toMatch(/^Когда .+, я хочу .*кофе.*, чтобы .+$/);
    expect(job?.jtbd?.motivation.missing).toBe(false);
    // Named by what its people want, first letter up; a theme keeps its keywords.
    const want = job!.jtbd!.motivation.text!;
    expect(job?.label).toBe(want.charAt(0).toUpperCase() + want.slice(1));
    expect(theme?.label).toBe(theme?.keywords.slice(0, 3).join(', '));
    expect(theme?.kind).toBe('theme');
    expect(theme?.jtbd).toBeNull();
    expect(theme?.meanSentiment).toBeLessThan(0);
  });

  it('should report sentiment, stage and touchpoints for every quote when quotes are given', () => {
    const result = synthesise({ quotes: quotes(), stages, touchpoints, options: { seed: 1 } });
    expect(result.sentiment.map((s) => s.quoteId)).toEqual(quotes().map((q) => q.id));
    expect(result.stages.map((s) => s.quoteId)).toEqual(quotes().map((q) => q.id));
    expect(result.stageModel.mode).toBe('lexicon');
    expect(result.touchpoints.mentions.some((m) => m.touchpointId === 'tp-app')).toBe(true);
    expect(result.touchpoints.missing.map((m) => m.key)).toContain('courier');
    expect(result.touchpoints.silent).toEqual([{ touchpointId: 'tp-fax', name: 'Факс' }]);
  });

  it('should seed clusters from job tags when quotes carry them', () => {
    const tagged = quotes().map((q, i) => ({
      ...q,
      tags: i < 3 ? [{ kind: 'job' as const, id: 'job-coffee', name: 'Кофе заранее' }] : [],
    }));
    const result = synthesise({ quotes: tagged, stages, touchpoints, options: { seed: 3, k: 2 } });
    const withTagged = result.clusters.filter((c) => ['q1', 'q2', 'q3'].some((id) => c.memberIds.includes(id)));
    expect(withTagged).toHaveLength(1);
    expect(withTagged[0].kind).toBe('job');
  });

  it('should handle one quote when it is the whole input', () => {
    const result = synthesise({ quotes: [{ id: 'only', text: 'Хочу заказать кофе заранее, чтобы не ждать.' }], stages, touchpoints });
    const clustered = result.clusters.flatMap((c) => c.memberIds);
    expect([...clustered, ...result.unclustered]).toEqual(['only']);
    expect(result.sentiment).toHaveLength(1);
  });

  it('should not fail when quotes are only stop words or emoji', () => {
    const result = synthesise({
      quotes: [
        { id: 'a', text: 'и в на' },
        { id: 'b', text: '🙂🙂🙂' },
        { id: 'c', text: 'the of to' },
      ],
      stages,
      touchpoints,
    });
    expect(result.stages.every((s) => s.source === 'unknown')).toBe(true);
    expect(result.sentiment.find((s) => s.quoteId === 'b')?.score).toBeGreaterThan(0);
    expect(result.clusters.every((c) => c.kind === 'theme')).toBe(true);
  });

  it('should process a 10k-character quote when it is among others', () => {
    const long = { id: 'long', text: 'Курьер опоздал, доставка ужасная, приложение зависает. '.repeat(190) };
    expect(long.text.length).toBeGreaterThan(10_000);
    const result = synthesise({ quotes: [...quotes(), long], stages, touchpoints, options: { seed: 2 } });
    expect(result.sentiment.find((s) => s.quoteId === 'long')?.score).toBeLessThan(-1);
    expect(result.touchpoints.mentions.filter((m) => m.quoteId === 'long').length).toBeGreaterThan(300);
  });

  it('should handle mixed-language input when RU and EN quotes are combined', () => {
    const mixed: QuoteInput[] = [
      ...quotes(),
      { id: 'e1', text: 'When I commute, I want to order coffee ahead in the app so I can skip the line.' },
      { id: 'e2', text: 'The courier was late again and rude.' },
      { id: 'e3', text: 'Заказала через app, всё convenient и быстро' },
    ];
    const result = synthesise({ quotes: mixed, stages, touchpoints, options: { seed: 5 } });
    expect(result.sentiment.find((s) => s.quoteId === 'e2')?.score).toBeLessThan(0);
    expect(result.sentiment.find((s) => s.quoteId === 'e3')?.score).toBeGreaterThan(0);
    const appMentions = result.touchpoints.mentions.filter((m) => m.touchpointId === 'tp-app').map((m) => m.quoteId);
    expect(appMentions).toEqual(expect.arrayContaining(['q1', 'e1', 'e3']));
    for (const cluster of result.clusters) {
      if (cluster.jtbd) expect(cluster.jtbd.lang).toBe(cluster.lang);
    }
  });
});
