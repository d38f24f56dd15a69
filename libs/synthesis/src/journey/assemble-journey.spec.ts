import { assembleJourney, createFinding, indexEvidence } from './assemble-journey';
import { evidenceLevel, FindingWithoutEvidenceError } from './evidence';
import { EN_QUOTES, enInput, evidenceQuote, ruInput } from './journey.fixtures';
import type { Finding, JourneyMap } from './journey.types';

const find = (map: JourneyMap, key: string): Finding | undefined => map.findings.find((f) => f.key === key);
const column = (map: JourneyMap, id: string) => {
  const c = map.stages.find((s) => s.id === id);
  if (!c) throw new Error(`no stage ${id}`);
  return c;
};

describe('assembleJourney', () => {
  const map = assembleJourney(enInput());

  it('should order the stage columns by their order when the input is unordered', () => {
    expect(map.stages.map((s) => s.id)).toEqual(['aw', 'co', 'pu']);
    expect(map.stages.map((s) => s.quotes)).toEqual([2, 3, 9]);
    expect(map.totals).toMatchObject({ quotes: 15, participants: 7, sources: 3, unstagedQuotes: 1 });
  });

  it('should give every finding at least one quote in scope as evidence', () => {
    const ids = new Set(EN_QUOTES.map((q) => q.id));
    expect(map.findings.length).toBeGreaterThan(10);
    for (const finding of map.findings) {
      expect(finding.evidence.length).toBeGreaterThan(0);
      expect(finding.evidence.every((id) => ids.has(id))).toBe(true);
      expect(finding.strength.quotes).toBe(finding.evidence.length);
    }
  });

  it('should place an accepted job in each stage where its quotes are and drop a job with no known quote', () => {
    expect(map.findings.filter((f) => f.lane === 'jobs').map((f) => [f.stageId, f.evidence])).toEqual([
      ['aw', ['q2']],
      ['co', ['q5']],
      ['pu', ['q13']],
    ]);
    expect(map.findings.some((f) => f.subject.id === 'j-ghost')).toBe(false);
  });

  it('should list actions and key decision moments from tags of those kinds', () => {
    const co = column(map, 'co');
    expect(co.lanes.actions.map((f) => [f.text, f.evidence])).toEqual([['Compares prices', ['q3', 'q4']]]);
    expect(co.lanes.decisions.map((f) => [f.text, f.evidence])).toEqual([['Decides after a free trial', ['q5']]]);
  });

  it('should name a finding of a catch-all tag by its most typical quote, and its opportunity by that quote too', () => {
    const pain = { kind: 'pain' as const, id: 'pain', name: 'Pain', generic: true };
    const quotes = [
      evidenceQuote('g1', 'The courier came late again and the parcel was wet', { stageId: 'pu', participantKey: 'p1', tags: [pain] }),
      evidenceQuote('g2', 'The courier was two hours late with my parcel', { stageId: 'pu', participantKey: 'p2', tags: [pain] }),
      evidenceQuote('g3', 'Prices went up', { stageId: 'pu', participantKey: 'p3', tags: [pain] }),
    ];
    const result = assembleJourney(enInput({ quotes, jobs: [], themes: [], touchpoints: undefined }));
    const finding = find(result, 'pains|pu|tag:pain');
    expect(finding?.text).toMatch(/^Pain: "The courier (came late again and the parcel was wet|was two hours late with my parcel)"$/);
    expect(finding?.evidence).toEqual(['g1', 'g2', 'g3']);
    const quoted = finding?.text.slice('Pain: "'.length, -1);
    expect(find(result, 'opportunities|pu|pain:tag:pain')?.text).toBe(`Remove the pain "${quoted}" at the Purchase stage`);
  });

  it('should rate a pain strong when five people from three sources back it', () => {
    const pain = find(map, 'pains|pu|tag:pain-delivery');
    expect(pain?.strength).toEqual({ quotes: 5, participants: 5, sources: 3, sessions: 2, surveys: 1, level: 'strong' });
  });

  it('should rate a finding weak when it rests on one person, however many quotes', () => {
    const fees = find(map, 'pains|pu|tag:pain-fees');
    expect(fees?.strength).toMatchObject({ quotes: 2, participants: 1, sources: 1, level: 'weak' });
  });

  it('should rate a finding weak when several people back it from one source only', () => {
    const oneSession = [
      evidenceQuote('a', 'Slow delivery', { stageId: 'pu', participantKey: 'p1', tags: [{ kind: 'pain', id: 'x', name: 'Slow' }] }),
      evidenceQuote('b', 'Slow delivery', { stageId: 'pu', participantKey: 'p2', tags: [{ kind: 'pain', id: 'x', name: 'Slow' }] }),
      evidenceQuote('c', 'Slow delivery', { stageId: 'pu', participantKey: 'p3', tags: [{ kind: 'pain', id: 'x', name: 'Slow' }] }),
    ];
    const result = assembleJourney({ lang: 'en', stages: [{ id: 'pu', name: 'Purchase', order: 1 }], quotes: oneSession });
    expect(result.findings.find((f) => f.key === 'pains|pu|tag:x')?.strength).toMatchObject({ participants: 3, sources: 1, level: 'weak' });
  });

  it('should rate evidence moderate from two people in two sources and strong from five people in two sources', () => {
    expect(evidenceLevel(2, 2)).toBe('moderate');
    expect(evidenceLevel(4, 3)).toBe('moderate');
    expect(evidenceLevel(5, 2)).toBe('strong');
    expect(evidenceLevel(5, 1)).toBe('weak');
  });

  it('should rank pains by evidence × negativity when several pains share a stage', () => {
    const pains = column(map, 'pu').lanes.pains;
    expect(pains.map((f) => f.key)).toEqual(['pains|pu|tag:pain-delivery', 'pains|pu|theme:t-slow', 'pains|pu|tag:pain-fees']);
    // (5 people + ln 5 quotes) × (1 + 1.3 / 2)
    expect(pains[0].score).toBeCloseTo((5 + Math.log(5)) * 1.65, 3);
    expect(pains[0].sentiment).toBe(-1.3);
  });

  it('should speak for an unnamed theme with its most typical quote, and use the name a person gave it', () => {
    const texts = new Map(EN_QUOTES.map((q) => [q.id, `"${q.text.trim()}"`]));
    expect(['q7', 'q8', 'q9'].map((id) => texts.get(id))).toContain(find(map, 'pains|pu|theme:t-slow')?.text);
    const named = assembleJourney(enInput({ themes: (enInput().themes ?? []).map((t) => ({ ...t, label: t.id === 't-slow' ? 'Slow delivery' : t.label, named: t.id === 't-slow' })) }));
    expect(find(named, 'pains|pu|theme:t-slow')?.text).toBe('Slow delivery');
    expect(find(named, 'opportunities|pu|pain:theme:t-slow')?.text).toBe('Remove the pain "Slow delivery" at the Purchase stage');
  });

  it('should make a negative theme a pain and a positive one a gain, and skip a neutral one', () => {
    expect(find(map, 'pains|pu|theme:t-slow')?.evidence).toEqual(['q7', 'q8', 'q9']);
    expect(find(map, 'gains|pu|theme:t-taste')?.evidence).toEqual(['q13', 'q14']);
    expect(map.findings.some((f) => f.subject.id === 't-neutral' && (f.lane === 'pains' || f.lane === 'gains'))).toBe(false);
  });

  it('should pick representative thoughts from different people when the stage has enough people', () => {
    const thoughts = column(map, 'pu').lanes.thoughts;
    expect(thoughts).toHaveLength(3);
    const people = thoughts.map((f) => EN_QUOTES.find((q) => q.id === f.subject.id)?.participantKey);
    expect(new Set(people).size).toBe(3);
    for (const t of thoughts) expect(t.evidence).toContain(t.subject.id);
  });

  it('should list touchpoints per stage with mentions and flag the missing ones', () => {
    const site = find(map, 'touchpoints|co|touchpoint:tp-site');
    expect(site).toMatchObject({ text: 'Website', evidence: ['q3', 'q4'], touchpoint: { touchpointId: 'tp-site', discovered: false, missing: false, mentions: 2 } });
    const instagram = find(map, 'touchpoints|aw|touchpoint:discovered:instagram');
    expect(instagram?.touchpoint).toMatchObject({ key: 'instagram', discovered: true, missing: true });
    expect(map.touchpointGaps.missing.map((f) => f.key)).toContain(instagram?.key);
  });

  it('should list silent inventory touchpoints apart from findings, with the quotes searched', () => {
    expect(map.touchpointGaps.silent).toEqual([{ touchpointId: 'tp-fax', name: 'Fax', searchedQuotes: 15, searchedParticipants: 7 }]);
    expect(map.findings.some((f) => f.text === 'Fax')).toBe(false);
  });

  it('should derive opportunities from the top pains and missing touchpoints, each with the evidence it rests on', () => {
    const pain = find(map, 'opportunities|pu|pain:tag:pain-delivery');
    expect(pain?.text).toBe('Remove the pain "Slow delivery" at the Purchase stage');
    expect(pain?.evidence).toEqual(['q6', 'q7', 'q8', 'q9', 'q10']);
    const instagram = find(map, 'opportunities|aw|missing-touchpoint:instagram');
    expect(instagram?.text).toBe('Offer Instagram at the Awareness stage: customers use it, but the company has no such touchpoint');
    expect(instagram?.evidence).toEqual(['q1', 'q2']);
  });

  it('should mention the largest drop in the opportunity when the pain is at that stage', () => {
    const withDrop = assembleJourney(
      enInput({
        metrics: [
          { stageId: 'aw', leads: 1000 },
          { stageId: 'co', leads: 800 },
          { stageId: 'pu', leads: 100 },
        ],
        quotes: EN_QUOTES.map((q) => (q.id === 'q6' ? { ...q, stageId: 'co' } : q)),
      }),
    );
    expect(withDrop.largestDropStageId).toBe('co');
    expect(find(withDrop, 'opportunities|co|pain:tag:pain-delivery')?.text).toBe('Remove the pain "Slow delivery" at the Consideration stage, where most customers drop out');
  });

  it('should write opportunities in Russian when the project is Russian', () => {
    const result = assembleJourney(ruInput());
    expect(result.findings.find((f) => f.key === 'opportunities|ru-buy|pain:tag:ru-pain-courier')?.text).toBe('Устранить боль «Курьер опаздывает» на этапе «Покупка»');
    expect(result.findings.find((f) => f.key === 'opportunities|ru-int|missing-touchpoint:telegram')?.text).toBe(
      'Добавить канал «Telegram» на этапе «Интерес»: клиенты им пользуются, а у компании его нет',
    );
    const pain = result.findings.find((f) => f.key === 'pains|ru-buy|tag:ru-pain-courier');
    expect(pain?.strength).toMatchObject({ participants: 2, sessions: 1, surveys: 1, level: 'moderate' });
  });

  it('should compute KPIs with conversion from consecutive leads and find the largest drop', () => {
    expect(column(map, 'aw').kpis).toEqual({ leads: 1000, conversion: 0.3, averageCheck: null, purchaseFrequency: null, lost: 700, source: 'events' });
    expect(column(map, 'pu').kpis).toMatchObject({ leads: 120, conversion: null, averageCheck: 25, purchaseFrequency: 1.5 });
    expect(map.largestDropStageId).toBe('aw');
  });

  it('should keep only the persona quotes and answers when filtered by persona', () => {
    const persona = assembleJourney(enInput({ personaId: 'pA' }));
    const allowed = new Set(EN_QUOTES.filter((q) => q.personaId === 'pA').map((q) => q.id));
    expect(persona.personaId).toBe('pA');
    expect(persona.totals.quotes).toBe(allowed.size);
    for (const f of persona.findings) expect(f.evidence.every((id) => allowed.has(id))).toBe(true);
    expect(persona.findings.find((f) => f.key === 'pains|pu|tag:pain-delivery')?.evidence).toEqual(['q6', 'q7', 'q8']);
    expect(persona.emotion.overall.points.find((p) => p.stageId === 'pu')?.sources.survey.n).toBe(0);
  });

  it('should give the same findings and keys when assembled twice or from reordered input', () => {
    const again = assembleJourney(enInput());
    expect(JSON.stringify(again)).toBe(JSON.stringify(map));
    const shuffled = assembleJourney(enInput({ quotes: [...EN_QUOTES].reverse(), themes: [...(enInput().themes ?? [])].reverse() }));
    expect(shuffled.findings.map((f) => f.key).sort()).toEqual(map.findings.map((f) => f.key).sort());
  });

  it('should give the same map whatever order the jobs and themes list their quotes in', () => {
    // Two people said the same words; which one speaks for the theme must not depend on the cluster's member order.
    const twins = [
      evidenceQuote('t1', 'Late courier, crushed box', { participantKey: 'x1', sourceId: 's1', stageId: 'pu', sentiment: -2 }),
      evidenceQuote('t2', 'late courier, crushed box', { participantKey: 'x2', sourceId: 's2', stageId: 'pu', sentiment: -2 }),
    ];
    const input = (order: 'listed' | 'reversed') => {
      const base = enInput();
      const ids = (quoteIds: string[]) => (order === 'listed' ? quoteIds : [...quoteIds].reverse());
      return enInput({
        quotes: [...EN_QUOTES, ...twins],
        jobs: (base.jobs ?? []).map((job) => ({ ...job, quoteIds: ids(job.quoteIds) })),
        themes: [...(base.themes ?? []), { id: 't-twins', label: 'courier box', quoteIds: ['t1', 't2'], meanSentiment: -2 }].map((theme) => ({ ...theme, quoteIds: ids(theme.quoteIds) })),
      });
    };
    const listed = assembleJourney(input('listed'));
    expect(find(listed, 'pains|pu|theme:t-twins')?.text).toBe('"Late courier, crushed box"');
    expect(JSON.stringify(assembleJourney(input('reversed')))).toBe(JSON.stringify(listed));
  });

  it('should build keys from lane, stage and subject only', () => {
    expect(find(map, 'gains|pu|tag:gain-taste')?.key).toBe('gains|pu|tag:gain-taste');
    expect(map.findings.every((f) => f.key === `${f.lane}|${f.stageId ?? '-'}|${f.subject.kind}:${f.subject.id}`)).toBe(true);
    expect(new Set(map.findings.map((f) => f.key)).size).toBe(map.findings.length);
  });
});

describe('createFinding', () => {
  const index = indexEvidence([evidenceQuote('q1', 'Slow delivery', { stageId: 'pu' })]);

  it('should refuse to create a finding when it has no evidence', () => {
    expect(() => createFinding({ lane: 'pains', stageId: 'pu', subject: { kind: 'tag', id: 't' }, text: 'Slow', evidence: [] }, index)).toThrow(FindingWithoutEvidenceError);
  });

  it('should refuse to create a finding when none of its evidence is a quote in scope', () => {
    expect(() => createFinding({ lane: 'pains', stageId: 'pu', subject: { kind: 'tag', id: 't' }, text: 'Slow', evidence: ['other-persona-quote'] }, index)).toThrow(
      'Finding "pains|pu|tag:t" has no evidence',
    );
  });

  it('should produce no findings at all when there are no quotes', () => {
    const empty = assembleJourney(enInput({ quotes: [], surveyMetrics: [] }));
    expect(empty.findings).toEqual([]);
    expect(empty.emotion.overall.points.every((p) => p.n === 0 && p.mean === null)).toBe(true);
  });
});
