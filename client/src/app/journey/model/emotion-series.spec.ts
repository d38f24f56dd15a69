import { anEmotionPoint } from '../../testing/factories';
import { emotionSeries, emotionTable } from './emotion-series';

const stages = [
  { id: 'stage-2', name: 'Purchase', order: 2 },
  { id: 'stage-1', name: 'Awareness', order: 1 },
  { id: 'stage-3', name: 'Loyalty', order: 3 },
];
const names = (personaId: string | null): string => (personaId === null ? 'All customers' : `Persona ${personaId}`);

describe('emotionSeries', () => {
  it('should draw one line per persona, everyone first, stages in journey order with the band where it is known', () => {
    const series = emotionSeries(
      [
        anEmotionPoint({ stageId: 'stage-2', personaId: 'p1', mean: 1, low: null, high: null, n: 1 }),
        anEmotionPoint({ stageId: 'stage-2', mean: 0.4, low: 0.1, high: 0.7 }),
        anEmotionPoint({ stageId: 'stage-1', mean: -0.5, low: -1.1, high: 0.1 }),
        anEmotionPoint({ stageId: 'stage-3', mean: null, low: null, high: null, n: 0 }),
      ],
      stages,
      names,
    );

    expect(series.map((line) => line.name)).toEqual(['All customers', 'Persona p1']);
    expect(series[0].series.map((point) => [point.name, point.value, point.min, point.max])).toEqual([
      [1, -0.5, -1.1, 0.1],
      [2, 0.4, 0.1, 0.7],
    ]);
    expect(series[1].series).toEqual([
      { name: 2, value: 1, extra: { stageId: 'stage-2', stageName: 'Purchase', n: 1, low: null, high: null, sources: { tags: 4, survey: 0, inferred: 8 } } },
    ]);
  });
});

describe('emotionTable', () => {
  it('should give one row per series with a cell per stage in journey order, empty where a series has no point', () => {
    const table = emotionTable(
      [anEmotionPoint({ stageId: 'stage-3', mean: null, n: 0 }), anEmotionPoint({ stageId: 'stage-1' }), anEmotionPoint({ stageId: 'stage-2', personaId: 'p1', n: 3 })],
      stages,
      names,
    );

    expect(table.stages.map((stage) => stage.name)).toEqual(['Awareness', 'Purchase', 'Loyalty']);
    expect(table.rows.map((row) => [row.series, row.cells.map((cell) => (cell ? `${cell.mean}/${cell.n}` : null))])).toEqual([
      ['All customers', ['-0.5/12', null, 'null/0']],
      ['Persona p1', [null, '-0.5/3', null]],
    ]);
  });
});
