import type { TagResponse } from '@tropa/contracts';
import { highlightBackground, tagForShortcut } from './highlight-style';

function aTag(overrides: Partial<TagResponse>): TagResponse {
  return { id: 't', parentId: null, kind: 'custom', name: 'Tag', color: '#000000', description: '', shortcut: null, stageId: null, valence: null, usage: 0, ...overrides };
}

describe('highlightBackground', () => {
  it('should tint a single tag colour so the text stays readable', () => {
    expect(highlightBackground(['#ff8000'])).toBe('rgba(255, 128, 0, 0.35)');
  });

  it('should stripe several distinct colours and ignore repeats', () => {
    const background = highlightBackground(['#ff0000', '#0000ff', '#FF0000']);

    expect(background).toBe('repeating-linear-gradient(135deg, rgba(255, 0, 0, 0.35) 0px 6px, rgba(0, 0, 255, 0.35) 6px 12px)');
  });

  it('should show an untagged highlight in grey', () => {
    expect(highlightBackground([])).toBe('rgba(158, 158, 158, 0.35)');
  });
});

describe('tagForShortcut', () => {
  const tags = [aTag({ id: 'pain', shortcut: 'P' }), aTag({ id: 'gain', shortcut: '1' }), aTag({ id: 'none' })];

  it('should find the tag of a key whatever its case', () => {
    expect(tagForShortcut(tags, 'p')?.id).toBe('pain');
    expect(tagForShortcut(tags, '1')?.id).toBe('gain');
  });

  it('should find nothing for an unassigned or named key', () => {
    expect(tagForShortcut(tags, 'x')).toBeNull();
    expect(tagForShortcut(tags, 'Enter')).toBeNull();
  });
});
