import { carriesJob, extractJtbdClauses } from './index';

function parts(text: string) {
  return extractJtbdClauses(text).map((c) => [c.part, c.text]);
}

describe('extractJtbdClauses', () => {
  it('should find all three Russian clauses when the quote states a full job', () => {
    expect(parts('Ну когда я еду на работу, я хочу быстро заказать кофе через приложение, чтобы не стоять в очереди.')).toEqual([
      ['situation', 'я еду на работу'],
      ['motivation', 'быстро заказать кофе через приложение'],
      ['outcome', 'не стоять в очереди'],
    ]);
  });

  it('should find all three English clauses when the quote states a full job', () => {
    expect(parts('When I commute to work, I want to order coffee ahead so I can skip the queue.')).toEqual([
      ['situation', 'I commute to work'],
      ['motivation', 'order coffee ahead'],
      ['outcome', 'skip the queue'],
    ]);
  });

  it('should keep offsets pointing into the original text when clauses are cleaned', () => {
    const text = 'Если я опаздываю, мне нужно заранее видеть, где курьер';
    for (const clause of extractJtbdClauses(text)) {
      expect(text.slice(clause.start, clause.end).length).toBeGreaterThan(0);
    }
    expect(text.slice(extractJtbdClauses(text)[0].start, extractJtbdClauses(text)[0].end)).toBe('я опаздываю');
  });

  it('should treat "хочу, чтобы" as one motivation when the outcome marker follows the motivation marker', () => {
    const clauses = extractJtbdClauses('Мне важно, чтобы курьер звонил заранее.');
    expect(clauses).toHaveLength(1);
    expect(clauses[0].part).toBe('motivation');
    expect(clauses[0].text).toBe('чтобы курьер звонил заранее');
  });

  it('should keep the object clause a verb opens after a comma, and still stop at the next comma', () => {
    expect(parts('Заказываю заранее, чтобы утром не обнаружить, что всё закончилось, и не бежать в магазин')).toEqual([['outcome', 'утром не обнаружить, что всё закончилось']]);
    expect(parts('Мне нужно заранее видеть, где курьер')).toEqual([['motivation', 'заранее видеть, где курьер']]);
    expect(parts('I want to know, whether the parcel left, before I go out')).toEqual([['motivation', 'know, whether the parcel left']]);
    expect(parts('Хочу заказать крем, потом забыть о нём')).toEqual([['motivation', 'заказать крем']]);
  });

  it('should not take a subordinate "когда" for a situation when it follows a motivation', () => {
    expect(parts('Хочу знать, когда приедет курьер')).toEqual([['motivation', 'знать']]);
    expect(parts('I check reviews before buying.')).toEqual([]);
  });

  it('should ignore figures of speech when they start with a situation marker', () => {
    expect(extractJtbdClauses('Если честно, всё нормально').filter((c) => c.part === 'situation')).toEqual([]);
    expect(extractJtbdClauses('If you ask me, it is fine').filter((c) => c.part === 'situation')).toEqual([]);
  });

  it('should turn generic "we"/"you" into "I" when cleaning English clauses', () => {
    expect(parts('Whenever we travel, we need to find a hotel near the station so we can walk.')).toEqual([
      ['situation', 'I travel'],
      ['motivation', 'find a hotel near the station'],
      ['outcome', 'walk'],
    ]);
  });

  it('should strip fillers when a clause contains them', () => {
    const clause = extractJtbdClauses('Когда я, ну, как бы захожу в приложение, хочу типа сразу видеть статус').find((c) => c.part === 'motivation');
    expect(clause?.text).toBe('сразу видеть статус');
  });

  it('should return nothing when the text has no markers, is empty, or only stop words', () => {
    expect(extractJtbdClauses('Просто хороший магазин')).toEqual([]);
    expect(extractJtbdClauses('')).toEqual([]);
    expect(extractJtbdClauses('и в на когда, чтобы')).toEqual([]);
    expect(extractJtbdClauses('🙂🙂🙂')).toEqual([]);
  });

  it('should cap a clause at twenty words when a sentence runs on', () => {
    const text = `Хочу ${'очень '.repeat(3)}${Array.from({ length: 40 }, (_, i) => `слово${i}`).join(' ')}`;
    const [clause] = extractJtbdClauses(text);
    expect(clause.truncated).toBe(true);
    expect(clause.text.split(' ').length).toBeLessThanOrEqual(20);
  });

  it('should handle a 10k-character quote when markers repeat', () => {
    const text = 'Когда я дома, хочу заказать пиццу, чтобы не готовить. '.repeat(200);
    expect(text.length).toBeGreaterThan(10_000);
    expect(extractJtbdClauses(text)).toHaveLength(600);
  });

  it('should say a quote carries a job when it has a motivation or a situation with an outcome', () => {
    expect(carriesJob(extractJtbdClauses('Хочу быстро найти размер'))).toBe(true);
    expect(carriesJob(extractJtbdClauses('When it rains, so that I stay dry'))).toBe(true);
    expect(carriesJob(extractJtbdClauses('Когда я дома, всё хорошо'))).toBe(false);
  });
});

describe('extractJtbdClauses outcome forms', () => {
  it('should keep "so I don\'t" as the outcome lead when the outcome is an avoidance', () => {
    const outcome = extractJtbdClauses("Before I buy anything expensive, I need to see real reviews, so I don't get scammed.").find(
      (c) => c.part === 'outcome',
    );
    expect(outcome).toMatchObject({ lead: "so I don't", text: 'get scammed' });
  });

  it('should read a noun phrase after "we needed" as a nominal motivation when speakers use "we"', () => {
    const [clause] = extractJtbdClauses('We needed a car seat fast because our baby was coming early');
    expect(clause).toMatchObject({ part: 'motivation', form: 'nominal', lead: 'I want', text: 'a car seat fast' });
  });
});
