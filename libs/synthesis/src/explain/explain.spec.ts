import { SurfaceMap, tokenise } from '../text';
import { classTfidf, termsOf } from './class-tfidf';
import { representativeMembers } from './representatives';
import { describeClusters } from './describe-clusters';

describe('explain', () => {
  it('should rank a cluster’s distinctive words first and show them as real words', () => {
    const surfaces = new SurfaceMap();
    const texts = [
      'Не работает приложение банка',
      'Приложение банка не открывается',
      'В приложении банка ошибка',
      'Доставка опоздала',
      'Доставку задержали',
      'Доставка опять опоздала',
    ];
    const bags = texts.map((t) => termsOf(tokenise(t, 'ru'), surfaces));
    const [app, delivery] = classTfidf(bags, [[0, 1, 2], [3, 4, 5]], 3);
    expect(surfaces.surface(app[0].term)).toMatch(/^(приложение|банка|приложение банка)$/);
    expect(delivery.map((t) => surfaces.surface(t.term))).toContain('доставка');
  });

  it('should pick central but not duplicate quotes when choosing representatives', () => {
    // Three identical points and one slightly different: MMR takes one duplicate, then the other.
    const dim = 2;
    const v = new Float64Array([1, 0, 1, 0, 1, 0, 0.8, 0.6]);
    const centroid = new Float64Array([0.98, 0.2]);
    const chosen = representativeMembers([0, 1, 2, 3], v, dim, centroid, 2, 0.5);
    expect(chosen).toHaveLength(2);
    expect(chosen).toContain(3);
  });

  it('should report size, shares and stage distribution when describing a cluster', () => {
    const quotes = [
      { id: 'a', text: 'card payment failed', participantId: 'p1', sourceId: 's1', tags: [{ kind: 'stage' as const, id: 'pay', name: 'Pay' }] },
      { id: 'b', text: 'payment by card failed again', participantId: 'p2', sourceId: 's1', tags: [{ kind: 'stage' as const, id: 'pay', name: 'Pay' }] },
      { id: 'c', text: 'my card payment was declined', participantId: 'p2', sourceId: 's2' },
      { id: 'd', text: 'other topic entirely', participantId: 'p3', sourceId: 's3' },
    ];
    const dim = 2;
    const vectors = new Float64Array([1, 0, 0.9, 0.436, 0.95, 0.312, 0, 1]);
    const [d] = describeClusters({ quotes, langs: ['en', 'en', 'en', 'en'], clusters: [[0, 1, 2]], vectors, dim });
    expect(d.size).toBe(3);
    expect(d.participantShare).toBeCloseTo(2 / 3, 10);
    expect(d.sourceShare).toBeCloseTo(2 / 3, 10);
    expect(d.stageDistribution).toEqual({ pay: 1 });
    expect(d.keywords[0]).toMatch(/card|payment/);
    expect(d.representatives.length).toBe(3);
    expect(d.cohesion).toBeGreaterThan(0.9);
    expect(d.lang).toBe('en');
  });
});
