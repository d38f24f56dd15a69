import { buildHeatmap, heatColour } from './touchpoint-heatmap';

describe('heatColour', () => {
  it('should be transparent where nobody mentions the touchpoint', () => {
    expect(heatColour(1, 0, 10)).toBe('transparent');
  });

  it('should go red for negative, green for positive and grey for unknown sentiment', () => {
    expect(heatColour(-2, 10, 10)).toBe('rgba(211, 47, 47, 1.00)');
    expect(heatColour(2, 10, 10)).toBe('rgba(46, 125, 50, 1.00)');
    expect(heatColour(null, 10, 10)).toBe('rgba(224, 224, 224, 1.00)');
  });

  it('should make rare mentions paler than frequent ones and clamp sentiment beyond the scale', () => {
    expect(heatColour(-5, 1, 10)).toBe('rgba(211, 47, 47, 0.33)');
  });
});

describe('buildHeatmap', () => {
  it('should give one row per touchpoint, most mentioned first, with a cell per stage', () => {
    const heatmap = buildHeatmap(
      [
        { touchpointId: 'tp-site', name: 'Site', stageId: 'stage-1', mentions: 2, meanSentiment: 1 },
        { touchpointId: null, name: 'Chat bot', stageId: 'stage-2', mentions: 5, meanSentiment: -1 },
        { touchpointId: 'tp-site', name: 'Site', stageId: 'stage-2', mentions: 1, meanSentiment: null },
      ],
      ['stage-1', 'stage-2'],
    );

    expect(heatmap.columns).toEqual(['stage-1', 'stage-2']);
    expect(heatmap.rows.map((row) => [row.name, row.total])).toEqual([
      ['Chat bot', 5],
      ['Site', 3],
    ]);
    expect(heatmap.rows[1].cells.map((cell) => [cell.stageId, cell.mentions, cell.meanSentiment])).toEqual([
      ['stage-1', 2, 1],
      ['stage-2', 1, null],
    ]);
    expect(heatmap.rows[0].cells[0].colour).toBe('transparent');
  });

  it('should add a "no stage" column only when some mentions have no known stage', () => {
    const heatmap = buildHeatmap([{ touchpointId: 'tp-1', name: 'Store', stageId: null, mentions: 3, meanSentiment: 0 }], ['stage-1']);

    expect(heatmap.columns).toEqual(['stage-1', null]);
    expect(heatmap.rows[0].cells.map((cell) => cell.mentions)).toEqual([0, 3]);
  });
});
