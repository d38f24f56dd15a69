import type { QuoteInput } from '../types';
import { draftJtbd, JTBD_PLACEHOLDER } from './index';

const ru: QuoteInput[] = [
  { id: 'r1', text: 'Когда я еду на работу, хочу заказать кофе заранее в приложении, чтобы не стоять в очереди.' },
  { id: 'r2', text: 'Утром я всегда спешу. Хочется заказать кофе заранее, чтобы забрать его без очереди.' },
  { id: 'r3', text: 'Если я опаздываю, мне нужно заказать кофе по дороге.' },
  { id: 'r4', text: 'Кофе у них вкусный.' },
];

const en: QuoteInput[] = [
  { id: 'e1', text: "When I'm rushing to the office, I want to order my coffee ahead so I can skip the queue." },
  { id: 'e2', text: 'I need to order coffee ahead because mornings are chaos.' },
  { id: 'e3', text: 'If the line is long, I just leave.' },
];

describe('draftJtbd', () => {
  it('should draft a full Russian statement with each part traced to a quote when clauses exist', () => {
    const statement = draftJtbd(ru, { keywords: ['кофе', 'заранее', 'очередь'] });
    expect(statement.lang).toBe('ru');
    expect(statement.text).toMatch(/^Когда .+, я хочу .+, чтобы .+$/);
    expect(statement.motivation.text).toContain('заказать кофе заранее');
    expect(statement.motivation.missing).toBe(false);
    expect(statement.situation.quoteId).not.toBeNull();
    expect(statement.outcome.text).toMatch(/очеред/);
    expect(statement.jobQuoteIds).toEqual(['r1', 'r2', 'r3']);
    const source = ru.find((q) => q.id === statement.motivation.quoteId);
    expect(source?.text.slice(statement.motivation.start ?? 0, statement.motivation.end ?? 0)).toContain('заказать');
  });

  it('should draft a full English statement when clauses exist', () => {
    const statement = draftJtbd(en);
    expect(statement.lang).toBe('en');
    expect(statement.text).toBe("When I'm rushing to the office, I want to order my coffee ahead, so I can skip the queue");
    expect(statement.situation.quoteId).toBe('e1');
  });

  it('should flag a missing part and show a placeholder when no quote has that clause', () => {
    const statement = draftJtbd([
      { id: 'a', text: 'Хочу видеть статус заказа в приложении.' },
      { id: 'b', text: 'Мне нужно видеть, где курьер.' },
    ]);
    expect(statement.situation.missing).toBe(true);
    expect(statement.situation.text).toBeNull();
    expect(statement.outcome.missing).toBe(true);
    expect(statement.motivation.missing).toBe(false);
    expect(statement.text).toBe(`Когда ${JTBD_PLACEHOLDER}, я хочу видеть, где курьер, чтобы ${JTBD_PLACEHOLDER}`);
  });

  it('should flag every part missing when the set is empty', () => {
    const statement = draftJtbd([]);
    expect([statement.situation.missing, statement.motivation.missing, statement.outcome.missing]).toEqual([true, true, true]);
  });

  it('should use the majority language when quotes are mixed', () => {
    const statement = draftJtbd([...ru.slice(0, 3), en[0]]);
    expect(statement.lang).toBe('ru');
    expect(statement.motivation.quoteId).not.toBe('e1');
  });

  it('should give the same statement when called twice with the same input', () => {
    expect(draftJtbd(ru)).toEqual(draftJtbd(ru));
  });
});
