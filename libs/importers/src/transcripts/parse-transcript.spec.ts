import { ImportError, ImportErrorCode } from '../import-error';
import { parseTranscript } from './parse-transcript';

/** Windows-1251 for ASCII and the Russian alphabet: enough for test fixtures. */
function toWindows1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((char) => {
      const code = char.codePointAt(0) ?? 0x3f;
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      if (char === 'Ё') return 0xa8;
      if (char === 'ё') return 0xb8;
      return 0x3f;
    }),
  );
}

function focusGroupTranscript(utterances: number): string {
  const speakers = ['Модератор', 'Участник 1', 'Участник 2', 'Участник 3', 'Участник 4', 'Участник 5'];
  const lines = ['WEBVTT', ''];
  for (let i = 0; i < utterances; i++) {
    const start = i * 3600;
    const clock = (ms: number): string => new Date(ms).toISOString().slice(11, 23);
    lines.push(`${i + 1}`, `${clock(start)} --> ${clock(start + 3000)}`);
    lines.push(`<v ${speakers[i % speakers.length]}>Я обычно выбираю доставку на дом, потому что так удобнее, и смотрю отзывы о продавце перед покупкой, особенно если товар дорогой и нужен срочно. Ещё сравниваю цены в двух-трёх магазинах, а потом решаю. Реплика номер ${i}.</v>`, '');
  }
  return lines.join('\n');
}

async function importError(promise: Promise<unknown>): Promise<ImportError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('parseTranscript', () => {
  it('should pick VTT by its header when the extension says .txt', async () => {
    const result = await parseTranscript(Buffer.from('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Anna>Hi.\n'), 'zoom.txt');

    expect(result.format).toBe('vtt');
  });

  it('should pick SRT by its comma timing when the file has no extension', async () => {
    const result = await parseTranscript(Buffer.from('1\r\n00:00:01,000 --> 00:00:02,000\r\nAnna: Hi.\r\n'), 'captions');

    expect(result.format).toBe('srt');
    expect(result.utterances[0]).toMatchObject({ speaker: 'Anna', text: 'Hi.' });
  });

  it('should read a Windows-1251 text transcript when it was saved on Windows', async () => {
    const buffer = toWindows1251('Модератор: Почему вы ушли?\r\nРеспондент: Долго ждал ответа поддержки.\r\n');

    const result = await parseTranscript(buffer, 'интервью.txt');

    expect(result.utterances.map((u) => [u.speaker, u.text])).toEqual([
      ['Модератор', 'Почему вы ушли?'],
      ['Респондент', 'Долго ждал ответа поддержки.'],
    ]);
  });

  it('should read a UTF-8 file with BOM and a UTF-16 file with BOM when they hold VTT', async () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Анна>Да.\n';
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(vtt)]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(vtt, 'utf16le')]);

    expect((await parseTranscript(utf8, 'a.vtt')).utterances[0].speaker).toBe('Анна');
    expect((await parseTranscript(utf16, 'a.vtt')).utterances[0].speaker).toBe('Анна');
  });

  it('should throw EMPTY_FILE when the file is empty or blank', async () => {
    expect((await importError(parseTranscript(Buffer.alloc(0), 'a.vtt'))).code).toBe(ImportErrorCode.EmptyFile);
    expect((await importError(parseTranscript(Buffer.from(' \n\n'), 'a.txt'))).code).toBe(ImportErrorCode.EmptyFile);
  });

  it('should throw BINARY_FILE when the file is binary junk', async () => {
    const junk = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256));

    const error = await importError(parseTranscript(junk, 'call.txt'));

    expect(error.code).toBe(ImportErrorCode.BinaryFile);
    expect(error.message).toContain('call.txt');
  });

  it('should throw NO_UTTERANCES when a VTT has no cues', async () => {
    expect((await importError(parseTranscript(Buffer.from('WEBVTT\n\n'), 'empty.vtt'))).code).toBe(ImportErrorCode.NoUtterances);
  });

  it('should throw UNSUPPORTED_FORMAT when the extension is unknown and the content is not a transcript', async () => {
    const error = await importError(parseTranscript(Buffer.from('%PDF-1.7 some text'), 'notes.pdf'));

    expect(error.code).toBe(ImportErrorCode.UnsupportedFormat);
    expect(error.message).toMatch(/\.vtt.*\.srt.*\.docx.*\.txt/);
  });

  it('should throw a clear error when a legacy .doc is uploaded', async () => {
    const doc = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);

    expect((await importError(parseTranscript(doc, 'old.doc'))).message).toContain('.docx');
  });

  it('should parse a two-hour focus group of 2,000 cues when the file is about 1 MB', async () => {
    const buffer = Buffer.from(focusGroupTranscript(2000));

    const result = await parseTranscript(buffer, 'focus-group.vtt');

    expect(buffer.length).toBeGreaterThan(700_000);
    expect(result.utterances).toHaveLength(2000);
    expect(result.speakers).toHaveLength(6);
    expect(result.speakers[0]).toMatchObject({ name: 'Модератор', utteranceCount: 334 });
  });
});
