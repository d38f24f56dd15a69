import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { QuoteResponse, UtteranceResponse } from '@tropa/contracts';
import { I18n } from '../../core/i18n/i18n';
import { aPage, anUtterance } from '../../testing/factories';
import { aHighlight, aMember, aTag } from '../testing/coding-factories';
import { TranscriptViewer } from './transcript-viewer';

const projectUrl = '/api/projects/project-1';
const utterancesUrl = `${projectUrl}/sessions/session-1/utterances`;
const quotesUrl = `${projectUrl}/quotes`;
const tagsUrl = `${projectUrl}/tags`;
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const TAGS = [aTag({ id: 'pain', name: 'Pain', color: '#ff0000', shortcut: 'p' }), aTag({ id: 'speed', name: 'Speed', color: '#0000ff', shortcut: '2' })];

interface Options {
  canCode?: boolean;
  quotes?: QuoteResponse[];
  utterances?: UtteranceResponse[];
  total?: number;
  focus?: string;
}

describe('TranscriptViewer coding', () => {
  let fixture: ComponentFixture<TranscriptViewer>;
  let http: HttpTestingController;
  let root: HTMLElement;

  async function render(options: Options = {}): Promise<void> {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting()],
    });
    TestBed.inject(I18n).setLocale('en');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TranscriptViewer);
    fixture.componentRef.setInput('projectId', 'project-1');
    fixture.componentRef.setInput('sessionId', 'session-1');
    fixture.componentRef.setInput('members', [aMember({ userId: 'user-1', displayName: 'Anna' }), aMember({ userId: 'user-2', displayName: 'Boris' })]);
    fixture.componentRef.setInput('me', 'user-1');
    fixture.componentRef.setInput('canCode', options.canCode ?? true);
    if (options.focus) {
      fixture.componentRef.setInput('focusUtteranceId', options.focus);
    }
    await fixture.whenStable();
    const utterances = options.utterances ?? [
      anUtterance(0, { text: 'I love fresh hot coffee' }),
      anUtterance(1, { text: 'Delivery was slow' }),
    ];
    http
      .expectOne((request) => request.url === utterancesUrl)
      .flush(aPage(utterances, { total: options.total ?? utterances.length, pageSize: 100 }));
    http.expectOne((request) => request.url === quotesUrl).flush(aPage(options.quotes ?? []));
    http.expectOne((request) => request.url === tagsUrl).flush(aPage(TAGS));
    await stable();
    root = fixture.nativeElement as HTMLElement;
  }

  async function stable(): Promise<void> {
    await settle();
    await fixture.whenStable();
  }

  const all = (testId: string): HTMLElement[] => Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`));
  const row = (utteranceId: string): HTMLElement => root.querySelector(`[data-utterance-id="${utteranceId}"]`) as HTMLElement;
  const textOf = (utteranceId: string): HTMLElement => row(utteranceId).querySelector('[data-testid="utterance-text"]') as HTMLElement;

  /** The n-th text node under an element (marks and Angular's anchors split the text). */
  function textNode(element: Node, index = 0): Node {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const nodes: Node[] = [];
    while (walker.nextNode()) {
      nodes.push(walker.currentNode);
    }
    return nodes[index];
  }

  /** Selects `[start, end)` of a node's text, the way a mouse drag does, and releases the button. */
  function select(startNode: Node, startOffset: number, endNode: Node, endOffset: number): void {
    const range = document.createRange();
    range.setStart(startNode, startOffset);
    range.setEnd(endNode, endOffset);
    const selection = document.getSelection() as Selection;
    selection.removeAllRanges();
    selection.addRange(range);
    (root.querySelector('[data-testid="transcript"]') as HTMLElement).dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }

  const press = (key: string): void => {
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  };

  afterEach(() => {
    http.verify();
    document.getSelection()?.removeAllRanges();
    TestBed.resetTestingModule();
  });

  it('should draw overlapping highlights inline in their tags\' colours, titled with tags and coders, as text', async () => {
    await render({
      quotes: [
        aHighlight({ id: 'long', utteranceId: 'utterance-0', start: 7, end: 16, tags: [{ tagId: 'pain', appliedBy: 'user-1' }] }),
        aHighlight({ id: 'short', utteranceId: 'utterance-0', start: 13, end: 23, tags: [{ tagId: 'speed', appliedBy: 'user-2' }] }),
      ],
    });

    const marks = all('highlight');
    expect(marks.map((mark) => mark.textContent)).toEqual(['fresh ', 'hot', ' coffee']);
    expect(marks.map((mark) => mark.title)).toEqual(['Pain (Anna)', 'Pain (Anna)\nSpeed (Boris)', 'Speed (Boris)']);
    expect(marks[0].style.background).toContain('rgba(255, 0, 0, 0.35)');
    expect(textOf('utterance-0').textContent).toBe('I love fresh hot coffee');
    expect(all('highlight-count')[0].textContent?.trim()).toBe('Highlights: 2');
  });

  it('should create a highlight with exact offsets when text is selected across a mark and a tag is picked', async () => {
    await render({ quotes: [aHighlight({ id: 'fresh', utteranceId: 'utterance-0', start: 7, end: 12 })] });
    const text = textOf('utterance-0');
    const mark = text.querySelector('mark') as HTMLElement;

    // "love fre": from inside the plain run "I love " into the mark "fresh".
    select(textNode(text), 2, textNode(mark), 3);
    await stable();

    expect(all('highlight-popover-text')[0].textContent).toBe('“love fre”');
    expect(all('tag-option').map((option) => option.querySelector('.name')?.textContent)).toEqual(['Pain', 'Speed']);
    expect(all('tag-option-shortcut').map((shortcut) => shortcut.textContent)).toEqual(['p', '2']);
    all('tag-option')[1].click();
    const create = http.expectOne({ method: 'POST', url: quotesUrl });
    expect(create.request.body).toEqual({ utteranceId: 'utterance-0', start: 2, end: 10, tagIds: ['speed'] });
    create.flush(aHighlight({ id: 'new', utteranceId: 'utterance-0', start: 2, end: 10, text: 'love fre', tags: [{ tagId: 'speed', appliedBy: 'user-1' }] }));
    await stable();

    expect(all('highlight-popover')).toHaveLength(0);
    expect(all('highlight-panel-text')[0].textContent).toBe('love fre');
    expect(all('highlight-count')[0].textContent?.trim()).toBe('Highlights: 2');
  });

  it('should tag the selection at once when a tag\'s shortcut is pressed, and ignore keys typed in a field', async () => {
    await render();
    const text = textOf('utterance-1');

    select(textNode(text), 12, textNode(text), 17);
    await stable();
    const search = root.querySelector('[data-testid="tag-search"]') as HTMLInputElement;
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'p', bubbles: true }));
    http.expectNone({ method: 'POST', url: quotesUrl });

    press('P');
    const create = http.expectOne({ method: 'POST', url: quotesUrl });
    expect(create.request.body).toEqual({ utteranceId: 'utterance-1', start: 13, end: 17, tagIds: ['pain'] });
    create.flush(aHighlight({ id: 'new', utteranceId: 'utterance-1', start: 13, end: 17, tags: [{ tagId: 'pain', appliedBy: 'user-1' }] }));
    await stable();

    expect(all('highlight').map((mark) => mark.textContent)).toEqual(['slow']);
  });

  it('should refuse a selection across two utterances with a message', async () => {
    await render();

    select(textNode(textOf('utterance-0')), 2, textNode(textOf('utterance-1')), 3);
    await stable();

    expect(all('highlight-popover')).toHaveLength(0);
    expect(all('selection-message')[0].textContent).toContain('within one utterance');
  });

  it('should open a clicked highlight with its tags and coders, and toggle a tag with its shortcut', async () => {
    await render({
      quotes: [
        aHighlight({
          id: 'q',
          utteranceId: 'utterance-1',
          start: 0,
          end: 8,
          text: 'Delivery',
          tags: [
            { tagId: 'pain', appliedBy: 'user-1' },
            { tagId: 'pain', appliedBy: 'user-2' },
          ],
        }),
      ],
    });

    all('highlight')[0].click();
    await stable();

    expect(all('highlight-tag').map((chip) => chip.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['Pain· Anna ×', 'Pain· Boris']);
    expect(all('highlight-tag-remove')).toHaveLength(1);

    press('2');
    const apply = http.expectOne({ method: 'POST', url: `${quotesUrl}/q/tags` });
    expect(apply.request.body).toEqual({ tagId: 'speed' });
    apply.flush(aHighlight({ id: 'q', utteranceId: 'utterance-1', start: 0, end: 8, tags: [{ tagId: 'pain', appliedBy: 'user-1' }, { tagId: 'pain', appliedBy: 'user-2' }, { tagId: 'speed', appliedBy: 'user-1' }] }));
    await stable();
    press('p');
    http.expectOne({ method: 'DELETE', url: `${quotesUrl}/q/tags/pain` }).flush(null);
    await stable();

    expect(all('highlight-tag').map((chip) => chip.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['Pain· Boris', 'Speed· Anna ×']);

    all('highlight-delete')[0].click();
    http.expectOne({ method: 'DELETE', url: `${quotesUrl}/q` }).flush(null);
    await stable();
    expect(all('highlight')).toHaveLength(0);
    expect(all('highlight-panel')).toHaveLength(0);
  });

  it('should offer no highlighting to a reader who cannot code', async () => {
    await render({ canCode: false, quotes: [aHighlight({ id: 'q', utteranceId: 'utterance-0', start: 0, end: 1, tags: [{ tagId: 'pain', appliedBy: 'user-2' }] })] });

    select(textNode(textOf('utterance-1')), 0, textNode(textOf('utterance-1')), 5);
    press('p');
    await stable();
    expect(all('highlight-popover')).toHaveLength(0);
    expect(all('coding-hint')).toHaveLength(0);

    all('highlight')[0].click();
    await stable();
    expect(all('highlight-tag')).toHaveLength(1);
    expect(all('highlight-tag-remove')).toHaveLength(0);
    expect(all('highlight-delete')).toHaveLength(0);
    expect(all('highlight-add-tag')).toHaveLength(0);
  });

  it('should show only utterances with a highlight carrying the chosen tag', async () => {
    await render({
      utterances: [anUtterance(0), anUtterance(1), anUtterance(2)],
      quotes: [aHighlight({ id: 'q', utteranceId: 'utterance-2', start: 0, end: 4, tags: [{ tagId: 'speed', appliedBy: 'user-1' }] })],
    });

    (fixture.componentInstance as unknown as { filterByTag(tagId: string | null): void }).filterByTag('speed');
    await stable();

    expect(all('utterance').map((element) => element.getAttribute('data-utterance-id'))).toEqual(['utterance-2']);
  });

  it('should load further pages to reach the next highlight when it lies beyond the loaded utterances', async () => {
    await render({
      utterances: Array.from({ length: 100 }, (_, index) => anUtterance(index)),
      total: 150,
      quotes: [aHighlight({ id: 'far', utteranceId: 'utterance-120', start: 0, end: 4 })],
    });

    all('highlight-next')[0].click();
    http
      .expectOne((request) => request.url === utterancesUrl && request.params.get('page') === '2')
      .flush(aPage(Array.from({ length: 50 }, (_, index) => anUtterance(100 + index)), { total: 150, page: 2, pageSize: 100 }));
    await stable();

    expect(row('utterance-120').classList.contains('flash')).toBe(true);
    expect(all('highlight-panel')).toHaveLength(1);
    expect(row('utterance-120').querySelector('mark')?.classList.contains('selected')).toBe(true);
  });

  it('should load up to a deep-linked utterance and flash it', async () => {
    await render({ utterances: Array.from({ length: 100 }, (_, index) => anUtterance(index)), total: 150, focus: 'utterance-130' });

    http
      .expectOne((request) => request.url === utterancesUrl && request.params.get('page') === '2')
      .flush(aPage(Array.from({ length: 50 }, (_, index) => anUtterance(100 + index)), { total: 150, page: 2, pageSize: 100 }));
    await stable();

    expect(row('utterance-130').classList.contains('flash')).toBe(true);
  });
});
