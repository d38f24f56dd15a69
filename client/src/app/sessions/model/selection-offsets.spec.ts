import { selectionSpan, textOffset } from './selection-offsets';

/** A row as the transcript renders it: text split by highlight marks, Angular's comment anchors in between. */
function aRow(id: string, html: string): HTMLElement {
  const row = document.createElement('div');
  row.setAttribute('data-utterance-id', id);
  row.innerHTML = `<span class="speaker">Vera</span><span class="text">${html}</span>`;
  document.body.appendChild(row);
  return row.querySelector('.text') as HTMLElement;
}

function textNode(root: Node, index: number): Text {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    nodes.push(walker.currentNode as Text);
  }
  return nodes[index];
}

function aRange(start: [Node, number], end: [Node, number]): Range {
  const range = document.createRange();
  range.setStart(start[0], start[1]);
  range.setEnd(end[0], end[1]);
  return range;
}

describe('textOffset', () => {
  afterEach(() => (document.body.innerHTML = ''));

  it('should count over the plain text when marks split it into several nodes', () => {
    const root = aRow('u1', 'I love <mark>fresh <mark>hot</mark></mark><!----> coffee');

    expect(textOffset(root, textNode(root, 0), 2)).toBe(2);
    expect(textOffset(root, textNode(root, 1), 0)).toBe(7);
    expect(textOffset(root, textNode(root, 2), 2)).toBe(15);
    expect(textOffset(root, textNode(root, 3), 3)).toBe(19);
  });

  it('should read element boundary points as before the n-th child', () => {
    const root = aRow('u1', 'ab<mark>cd</mark>ef');

    expect(textOffset(root, root, 0)).toBe(0);
    expect(textOffset(root, root, 1)).toBe(2);
    expect(textOffset(root, root, 2)).toBe(4);
    expect(textOffset(root, root, 3)).toBe(6);
    expect(textOffset(root, root.querySelector('mark') as Element, 1)).toBe(4);
  });
});

describe('selectionSpan', () => {
  afterEach(() => (document.body.innerHTML = ''));

  it('should give exact offsets of a selection that starts in plain text and ends inside a mark', () => {
    const root = aRow('u1', 'I love <mark>fresh</mark> coffee');

    const span = selectionSpan(aRange([textNode(root, 0), 2], [textNode(root, 1), 3]), '.text');

    expect(span).toEqual({ ok: true, root, start: 2, end: 10, text: 'love fre' });
  });

  it('should trim blanks around the selection', () => {
    const root = aRow('u1', 'one  two  three');

    const span = selectionSpan(aRange([textNode(root, 0), 3], [textNode(root, 0), 10]), '.text');

    expect(span).toMatchObject({ ok: true, start: 5, end: 8, text: 'two' });
  });

  it('should refuse a selection across two utterances', () => {
    const first = aRow('u1', 'first');
    const second = aRow('u2', 'second');

    expect(selectionSpan(aRange([textNode(first, 0), 1], [textNode(second, 0), 2]), '.text')).toEqual({ ok: false, reason: 'several' });
  });

  it('should refuse a collapsed or blank selection and one outside the texts', () => {
    const root = aRow('u1', 'a   b');
    const speaker = root.parentElement?.querySelector('.speaker') as Element;

    expect(selectionSpan(aRange([textNode(root, 0), 1], [textNode(root, 0), 4]), '.text')).toEqual({ ok: false, reason: 'empty' });
    expect(selectionSpan(aRange([speaker.firstChild as Node, 0], [speaker.firstChild as Node, 2]), '.text')).toEqual({
      ok: false,
      reason: 'outside',
    });
  });

  it('should clip a triple-click selection that ends at the start of the next utterance', () => {
    const first = aRow('u1', 'whole line');
    const second = aRow('u2', 'next');

    const span = selectionSpan(aRange([textNode(first, 0), 0], [textNode(second, 0), 0]), '.text');

    expect(span).toMatchObject({ ok: true, root: first, start: 0, end: 10, text: 'whole line' });
  });

  it('should clip a selection dragged in from the speaker column to the text', () => {
    const root = aRow('u1', 'I <mark>agree</mark> fully');
    const speaker = root.parentElement?.querySelector('.speaker') as Element;

    const span = selectionSpan(aRange([speaker.firstChild as Node, 1], [textNode(root, 1), 5]), '.text');

    expect(span).toMatchObject({ ok: true, root, start: 0, end: 7, text: 'I agree' });
  });
});
