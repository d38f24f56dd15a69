import { ImportError, ImportErrorCode } from '../import-error';

/** An element of a small, trusted-shape XML document. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    const known = ENTITIES[entity];
    if (known === undefined) throw new ImportError(ImportErrorCode.InvalidTable, `Unknown XML entity &${entity};`);
    return known;
  });
}

export function encodeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Element names without their namespace prefix. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/**
 * A deliberately small XML reader for codebook files: elements, attributes, text,
 * comments, CDATA and the five predefined entities. A DOCTYPE is refused, so no
 * external entity or file reference can ever be resolved (XXE).
 */
export function parseXml(source: string): XmlElement {
  const text = source.replace(/^\uFEFF/, '');
  if (/<!DOCTYPE/i.test(text)) throw new ImportError(ImportErrorCode.InvalidTable, 'XML files with a DOCTYPE are not accepted');
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const tag = /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  let last = 0;
  for (let match = tag.exec(text); match; match = tag.exec(text)) {
    const between = text.slice(last, match.index);
    if (between.includes('<')) throw new ImportError(ImportErrorCode.InvalidTable, 'The file is not well-formed XML');
    stack[stack.length - 1].text += decodeXmlText(between);
    last = tag.lastIndex;
    const [whole, cdata, closing, opening, attributeText, selfClosing] = match;
    if (whole.startsWith('<!--') || whole.startsWith('<?')) continue;
    if (cdata !== undefined) {
      stack[stack.length - 1].text += cdata;
    } else if (closing) {
      const open = stack.pop();
      if (!open || open === root || localName(open.name) !== localName(closing)) throw new ImportError(ImportErrorCode.InvalidTable, `Unexpected </${closing}> in the XML`);
    } else {
      const attributes: Record<string, string> = {};
      for (const attribute of attributeText.matchAll(/([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        attributes[localName(attribute[1])] = decodeXmlText(attribute[2] ?? attribute[3] ?? '');
      }
      const element: XmlElement = { name: localName(opening), attributes, children: [], text: '' };
      stack[stack.length - 1].children.push(element);
      if (!selfClosing) stack.push(element);
      if (stack.length > 64) throw new ImportError(ImportErrorCode.InvalidTable, 'The XML is nested too deeply');
    }
  }
  if (stack.length !== 1 || text.slice(last).includes('<')) throw new ImportError(ImportErrorCode.InvalidTable, 'The file is not well-formed XML');
  if (root.children.length !== 1) throw new ImportError(ImportErrorCode.InvalidTable, 'The XML must have one root element');
  return root.children[0];
}
