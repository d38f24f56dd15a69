import { ImportError, ImportErrorCode } from '../import-error';
import type { CodebookEntry } from './codebook.types';
import { encodeXmlText, parseXml, type XmlElement } from './xml-lite';

const NAMESPACE = 'urn:QDA-XML:codebook:1.0';
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const COLOR = /^#[0-9a-fA-F]{6}$/;
const MAX_CODES = 5000;

/**
 * REFI-QDA codebook (.qdc, "urn:QDA-XML:codebook:1.0"), the exchange format of
 * NVivo, ATLAS.ti and MAXQDA. Tropa's tag kinds travel as Sets of member codes.
 */
export function writeQdc(entries: readonly CodebookEntry[], origin = 'Tropa'): string {
  const children = new Map<string | null, CodebookEntry[]>();
  for (const entry of entries) children.set(entry.parentId, [...(children.get(entry.parentId) ?? []), entry]);
  const known = new Set(entries.map((entry) => entry.id));
  const roots = entries.filter((entry) => entry.parentId === null || !known.has(entry.parentId));
  const code = (entry: CodebookEntry, indent: string): string => {
    const attributes = [`guid="${entry.id}"`, `name="${encodeXmlText(entry.name)}"`, 'isCodable="true"', ...(entry.color ? [`color="${entry.color}"`] : [])].join(' ');
    const inner = [
      ...(entry.description ? [`${indent}  <Description>${encodeXmlText(entry.description)}</Description>`] : []),
      ...(children.get(entry.id) ?? []).map((child) => code(child, `${indent}  `)),
    ];
    return inner.length ? `${indent}<Code ${attributes}>\n${inner.join('\n')}\n${indent}</Code>` : `${indent}<Code ${attributes}/>`;
  };
  const kinds = [...new Set(entries.map((entry) => entry.kind).filter((kind): kind is string => kind !== null))];
  const sets = kinds.map(
    (kind) =>
      `    <Set guid="${setGuid(kind)}" name="${encodeXmlText(kind)}">\n${entries
        .filter((entry) => entry.kind === kind)
        .map((entry) => `      <MemberCode targetGUID="${entry.id}"/>`)
        .join('\n')}\n    </Set>`,
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<CodeBook xmlns="${NAMESPACE}" origin="${encodeXmlText(origin)}">`,
    '  <Codes>',
    ...roots.map((entry) => code(entry, '    ')),
    '  </Codes>',
    ...(sets.length ? ['  <Sets>', ...sets, '  </Sets>'] : []),
    '</CodeBook>',
    '',
  ].join('\n');
}

/** A stable GUID per kind name, so that the same codebook exports to the same file. */
function setGuid(kind: string): string {
  let hash = 0x811c9dc5;
  for (const char of kind) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  const hex = hash.toString(16).padStart(8, '0');
  return `${hex}-0000-4000-8000-${hex}0000`.slice(0, 36);
}

export function readQdc(xml: string): CodebookEntry[] {
  const root = parseXml(xml);
  if (root.name !== 'CodeBook') throw new ImportError(ImportErrorCode.InvalidTable, 'Not a REFI-QDA codebook: the root element must be <CodeBook>');
  const codes = root.children.find((child) => child.name === 'Codes');
  const entries: CodebookEntry[] = [];
  const walk = (element: XmlElement, parentId: string | null): void => {
    for (const child of element.children.filter((item) => item.name === 'Code')) {
      const id = child.attributes['guid'];
      const name = (child.attributes['name'] ?? '').trim();
      if (!id || !GUID.test(id)) throw new ImportError(ImportErrorCode.InvalidTable, `Code "${name}" has no valid guid`);
      if (!name) throw new ImportError(ImportErrorCode.InvalidTable, `Code ${id} has no name`);
      if (entries.length >= MAX_CODES) throw new ImportError(ImportErrorCode.InvalidTable, `A codebook may have at most ${MAX_CODES} codes`);
      const color = child.attributes['color'];
      const description = child.children.find((item) => item.name === 'Description')?.text.trim() ?? '';
      entries.push({ id, parentId, name, color: color && COLOR.test(color) ? color : null, description, kind: null });
      walk(child, id);
    }
  };
  if (codes) walk(codes, null);
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  for (const set of root.children.find((child) => child.name === 'Sets')?.children.filter((item) => item.name === 'Set') ?? []) {
    for (const member of set.children.filter((item) => item.name === 'MemberCode')) {
      const entry = byId.get(member.attributes['targetGUID'] ?? '');
      if (entry && entry.kind === null) entry.kind = set.attributes['name'] ?? null;
    }
  }
  return entries;
}
