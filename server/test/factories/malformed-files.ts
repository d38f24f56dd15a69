import JSZip from 'jszip';
import { zipBomb } from './zip-bomb.factory';

/** The kinds of file an upload endpoint takes. */
export type FileKind = 'csv' | 'xlsx' | 'docx' | 'vtt' | 'srt' | 'txt' | 'qdc';

export interface MalformedFile {
  /** What is wrong with it, for the test's name. */
  name: string;
  kind: FileKind;
  fileName: string;
  content: Buffer;
}

/** Bytes no text format holds: NULs, control characters, invalid UTF-8. */
function binary(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 151 + 7) % 256;
  return bytes;
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** A DOCX whose one part is `documentXml`, with optional extra relationships of the document. */
async function docx(documentXml: string, relationships = ''): Promise<Buffer> {
  const archive = new JSZip();
  archive.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  archive.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  archive.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships}</Relationships>`,
  );
  archive.file('word/document.xml', documentXml);
  return archive.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
/** A secret a parser that resolves external entities or linked files would read into the transcript. */
export const SECRET_PATH = '/etc/hostname';

/**
 * The corpus of broken files: generated here so that no binary is committed. Every
 * one is refused by every endpoint that takes its kind.
 */
export async function malformedCorpus(): Promise<MalformedFile[]> {
  const wideHeader = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',');
  const zip = await docx('<w:document/>');
  return [
    // CSV
    { name: 'an unclosed quote', kind: 'csv', fileName: 'unclosed.csv', content: utf8('customer_id,stage,timestamp\n"c1,Осведомлённость,2026-03-01 10:00:00\nc2,Покупка,2026-03-02\n') },
    { name: 'ragged rows', kind: 'csv', fileName: 'ragged.csv', content: utf8('customer_id,stage,timestamp\nc1\nc2,Покупка,2026-03-02 10:00:00,1,2,3,4\n,,\n') },
    { name: 'binary content', kind: 'csv', fileName: 'binary.csv', content: binary(64 * 1024) },
    { name: '100,000 columns', kind: 'csv', fileName: 'wide.csv', content: utf8(`${wideHeader}\n${wideHeader}\n`) },
    { name: 'an empty file', kind: 'csv', fileName: 'empty.csv', content: Buffer.alloc(0) },
    { name: 'a BOM only', kind: 'csv', fileName: 'bom.csv', content: Buffer.from([0xef, 0xbb, 0xbf]) },
    // XLSX
    { name: 'a zip bomb', kind: 'xlsx', fileName: 'bomb.xlsx', content: await zipBomb('xl/worksheets/sheet1.xml') },
    { name: 'a truncated zip', kind: 'xlsx', fileName: 'truncated.xlsx', content: zip.subarray(0, Math.floor(zip.length / 2)) },
    { name: 'not a zip (a PDF renamed)', kind: 'xlsx', fileName: 'report.xlsx', content: Buffer.concat([utf8('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n'), binary(16 * 1024)]) },
    // DOCX
    { name: 'a zip bomb', kind: 'docx', fileName: 'bomb.docx', content: await zipBomb('word/document.xml') },
    {
      name: 'an external entity',
      kind: 'docx',
      fileName: 'xxe.docx',
      content: await docx(
        `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://${SECRET_PATH}">]>` +
          `<w:document ${W}><w:body><w:p><w:r><w:t>Анна: &xxe;</w:t></w:r></w:p></w:body></w:document>`,
      ),
    },
    {
      name: 'a linked external file',
      kind: 'docx',
      fileName: 'linked.docx',
      content: await docx(
        `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body><w:subDoc r:id="rIdX"/><w:p><w:r><w:t></w:t></w:r></w:p></w:body></w:document>`,
        `<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/subDocument" Target="file://${SECRET_PATH}" TargetMode="External"/>`,
      ),
    },
    { name: 'a truncated zip', kind: 'docx', fileName: 'truncated.docx', content: zip.subarray(0, Math.floor(zip.length / 2)) },
    // VTT
    { name: 'a timestamp with a third colon', kind: 'vtt', fileName: 'colons.vtt', content: utf8('WEBVTT\n\n00:00:00:01.000 --> 00:00:00:04.000\nАнна: Привет.\n') },
    { name: 'timestamps that are not times', kind: 'vtt', fileName: 'garbage-times.vtt', content: utf8('WEBVTT\n\nxx:yy --> zz\nАнна: Привет.\n\n1:2:3:4 --> ::\nОлег: Пока.\n') },
    { name: 'cues with no text at all', kind: 'vtt', fileName: 'no-cues.vtt', content: utf8('WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n\n00:00:05.000 --> 00:00:06.000\n<script></script>\n') },
    // SRT
    { name: 'broken numbering and no timings', kind: 'srt', fileName: 'broken.srt', content: utf8('one\nАнна: Привет.\n\ntwo\nОлег: Пока.\n\n3\n00:00:0x,000 -> 00:00\nКто-то.\n') },
    // Anything that says it is text
    { name: 'binary content', kind: 'txt', fileName: 'binary.txt', content: binary(64 * 1024) },
    { name: 'XML with an external entity', kind: 'qdc', fileName: 'xxe.qdc', content: utf8(`<?xml version="1.0"?><!DOCTYPE CodeBook [<!ENTITY xxe SYSTEM "file://${SECRET_PATH}">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="x" name="&xxe;" isCodable="true"/></Codes></CodeBook>`) },
    { name: 'an XML entity expansion bomb', kind: 'qdc', fileName: 'billion.qdc', content: utf8(billionLaughs()) },
  ];
}

function billionLaughs(): string {
  const entities = ['<!ENTITY l0 "lol">'];
  for (let i = 1; i < 10; i++) entities.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?><!DOCTYPE CodeBook [${entities.join('')}]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="x" name="&l9;" isCodable="true"/></Codes></CodeBook>`;
}

/**
 * Files the transcript reader accepts although they bend their format: a missing
 * WEBVTT header (the cues are recognised by their timings, as many tools write them);
 * WebVTT allows timestamps without hours and overlapping cues; a `<script>` in a cue is
 * markup the reader strips. They must be stored as text, never as markup, and never break anything.
 */
export function bentButValidTranscripts(): MalformedFile[] {
  return [
    { name: 'no WEBVTT header', kind: 'vtt', fileName: 'no-header.vtt', content: utf8('\n00:00:01.000 --> 00:00:04.000\nАнна: Я заказываю крем каждый месяц.\n') },
    { name: 'timestamps without hours', kind: 'vtt', fileName: 'short-times.vtt', content: utf8('WEBVTT\n\n00:01.000 --> 00:04.000\nАнна: Я заказываю крем каждый месяц.\n') },
    {
      name: 'overlapping cues',
      kind: 'vtt',
      fileName: 'overlap.vtt',
      content: utf8('WEBVTT\n\n00:00:01.000 --> 00:00:09.000\nАнна: Я заказываю крем.\n\n00:00:03.000 --> 00:00:05.000\nОлег: И я тоже.\n'),
    },
    { name: 'a <script> in a cue', kind: 'vtt', fileName: 'script.vtt', content: utf8('WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nАнна: <script>window.__x=1</script>Я заказываю крем.\n') },
  ];
}

/** One byte over an endpoint's limit, of a kind it takes. */
export function oversized(limitBytes: number, fileName: string): MalformedFile {
  return { name: `${limitBytes + 1} bytes (over the limit)`, kind: 'csv', fileName, content: Buffer.alloc(limitBytes + 1, 'a') };
}
