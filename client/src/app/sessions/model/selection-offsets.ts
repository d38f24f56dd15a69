/**
 * Character offsets of a DOM selection over an utterance's plain text. The text of a row is
 * split into several text nodes by the highlight marks around it; offsets are counted over the
 * concatenation of those text nodes, which is the utterance text itself.
 */

/** A selection inside one utterance: `[start, end)` over its plain text, surrounding blanks trimmed. */
export type SelectionSpan =
  | { ok: true; root: Element; start: number; end: number; text: string }
  | { ok: false; reason: 'empty' | 'outside' | 'several' };

/** Text nodes under `root`, in document order. */
function textNodes(root: Node): Text[] {
  const nodes: Text[] = [];
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      nodes.push(node as Text);
      return;
    }
    node.childNodes.forEach(visit);
  };
  visit(root);
  return nodes;
}

function precedes(node: Node, other: Node): boolean {
  return (node.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/**
 * Characters of `root`'s text that lie before the boundary point (container, offset) — the
 * way a DOM Range names a position. The point must be inside `root`.
 */
export function textOffset(root: Node, container: Node, offset: number): number {
  let count = 0;
  const isText = container.nodeType === Node.TEXT_NODE;
  const reference = isText ? null : (container.childNodes.item(offset) ?? null);
  for (const node of textNodes(root)) {
    if (isText) {
      if (node === container) {
        return count + Math.min(offset, node.data.length);
      }
      if (!precedes(node, container)) {
        break;
      }
    } else if (reference) {
      if (reference === node || reference.contains(node) || !precedes(node, reference)) {
        break;
      }
    } else if (!container.contains(node) && !precedes(node, container)) {
      break;
    }
    count += node.data.length;
  }
  return count;
}

function elementOf(node: Node): Element | null {
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}

/**
 * Where a selection range lies over the utterance texts, each an element matching `rootSelector`.
 * A selection is clipped to the one utterance text it touches: one that starts in the speaker
 * column or ends past the text (or at the very start of the next utterance, as a triple click
 * does) keeps the part inside the text. A range with text of two utterances is refused
 * ('several'); one outside every utterance is 'outside'; a collapsed or blank one is 'empty'.
 */
export function selectionSpan(range: Range, rootSelector: string): SelectionSpan {
  const startRoot = elementOf(range.startContainer)?.closest(rootSelector) ?? null;
  let endRoot = elementOf(range.endContainer)?.closest(rootSelector) ?? null;
  if (!startRoot && !endRoot) {
    return { ok: false, reason: 'outside' };
  }
  if (startRoot && endRoot && startRoot !== endRoot) {
    if (textOffset(endRoot, range.endContainer, range.endOffset) > 0) {
      return { ok: false, reason: 'several' };
    }
    endRoot = null;
  }
  const root = (startRoot ?? endRoot) as Element;
  const text = textNodes(root)
    .map((node) => node.data)
    .join('');
  let start = startRoot ? textOffset(root, range.startContainer, range.startOffset) : 0;
  let end = endRoot ? textOffset(root, range.endContainer, range.endOffset) : text.length;
  while (start < end && /\s/.test(text[start])) {
    start++;
  }
  while (end > start && /\s/.test(text[end - 1])) {
    end--;
  }
  if (start >= end) {
    return { ok: false, reason: 'empty' };
  }
  return { ok: true, root, start, end, text: text.slice(start, end) };
}
