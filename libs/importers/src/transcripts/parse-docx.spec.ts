import JSZip from 'jszip';
import { ImportError, ImportErrorCode } from '../import-error';
import { parseDocx } from './parse-docx';
import { parseTranscript } from './parse-transcript';

type Run = string | { bold: string };
type Block = Run[] | { table: string[][] };

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function runXml(run: Run): string {
  const bold = typeof run !== 'string';
  const text = typeof run === 'string' ? run : run.bold;
  return `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

function blockXml(block: Block): string {
  if (Array.isArray(block)) return `<w:p>${block.map(runXml).join('')}</w:p>`;
  const rows = block.table.map((row) => `<w:tr>${row.map((cell) => `<w:tc><w:p>${runXml(cell)}</w:p></w:tc>`).join('')}</w:tr>`);
  return `<w:tbl>${rows.join('')}</w:tbl>`;
}

/** A minimal Word document: content types, package relationship and the main document part. */
async function buildDocx(blocks: Block[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${blocks.map(blockXml).join('')}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('parseDocx', () => {
  it('should read bold speaker names with a colon when they open paragraphs', async () => {
    const docx = await buildDocx([
      ['Интервью №3, 12.03.2024'],
      [{ bold: 'Модератор:' }, ' Как вы узнали о сервисе?'],
      [{ bold: 'Анна К.:' }, ' Подруга посоветовала.'],
      ['Потом я посмотрела отзывы.'],
    ]);

    const result = await parseDocx(docx);

    expect(result.format).toBe('docx');
    expect(result.utterances.map((u) => [u.speaker, u.text])).toEqual([
      [null, 'Интервью №3, 12.03.2024'],
      ['Модератор', 'Как вы узнали о сервисе?'],
      ['Анна К.', 'Подруга посоветовала. Потом я посмотрела отзывы.'],
    ]);
  });

  it('should read bold names alone on a paragraph when the text follows in the next paragraphs', async () => {
    const docx = await buildDocx([
      [{ bold: 'Interviewer' }],
      ['What made you switch?'],
      [{ bold: 'Respondent' }, ' [00:01:23]'],
      ['Delivery times.'],
      ['And the support chat.'],
      [{ bold: 'Interviewer' }],
      ['Thanks.'],
    ]);

    const result = await parseDocx(docx);

    expect(result.utterances.map((u) => [u.speaker, u.startMs, u.text])).toEqual([
      ['Interviewer', null, 'What made you switch?'],
      ['Respondent', 83_000, 'Delivery times. And the support chat.'],
      ['Interviewer', null, 'Thanks.'],
    ]);
  });

  it('should read plain "Имя: текст" paragraphs with timestamps when nothing is bold', async () => {
    const docx = await buildDocx([['[00:00:10] Модератор: Чем пользуетесь?'], ['[00:00:15] Участник 2: Приложением банка.']]);

    const result = await parseDocx(docx);

    expect(result.utterances.map((u) => [u.speaker, u.startMs])).toEqual([
      ['Модератор', 10_000],
      ['Участник 2', 15_000],
    ]);
  });

  it('should read a transcript table when its header names the columns', async () => {
    const docx = await buildDocx([
      ['Расшифровка фокус-группы'],
      {
        table: [
          ['Спикер', 'Время', 'Текст'],
          ['Модератор', '00:00:05', 'Добрый вечер!'],
          ['Ольга', '00:00:09', 'Здравствуйте.'],
          ['', '00:00:12', 'Я впервые на таком.'],
        ],
      },
    ]);

    const result = await parseDocx(docx);

    expect(result.utterances.map((u) => [u.speaker, u.startMs, u.text])).toEqual([
      ['Модератор', 5000, 'Добрый вечер!'],
      ['Ольга', 9000, 'Здравствуйте. Я впервые на таком.'],
    ]);
    expect(result.warnings).toEqual([{ message: expect.stringContaining('outside the transcript table') }]);
  });

  it('should read a transcript table by its shape when it has no header', async () => {
    const docx = await buildDocx([
      {
        table: [
          ['0:05', 'Speaker 1', 'How often do you shop online?'],
          ['0:09', 'Speaker 2', 'Every week, mostly groceries.'],
        ],
      },
    ]);

    const result = await parseDocx(docx);

    expect(result.utterances.map((u) => [u.speaker, u.startMs, u.text])).toEqual([
      ['Speaker 1', 5000, 'How often do you shop online?'],
      ['Speaker 2', 9000, 'Every week, mostly groceries.'],
    ]);
  });

  it('should pick DOCX by the zip magic when parseTranscript gets a .docx', async () => {
    const docx = await buildDocx([[{ bold: 'Anna:' }, ' Hello.']]);

    const result = await parseTranscript(docx, 'interview.docx');

    expect(result.format).toBe('docx');
    expect(result.speakers).toEqual([{ name: 'Anna', utteranceCount: 1, wordCount: 1 }]);
  });

  it('should throw an ImportError when the zip is not a Word document', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'not a document');
    const buffer = await zip.generateAsync({ type: 'nodebuffer' });

    await expect(parseDocx(buffer)).rejects.toMatchObject({ code: ImportErrorCode.InvalidDocx });
    await expect(parseDocx(buffer)).rejects.toBeInstanceOf(ImportError);
  });
});
