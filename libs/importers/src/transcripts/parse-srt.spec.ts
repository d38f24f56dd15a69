import { ImportError } from '../import-error';
import { parseSrt } from './parse-srt';

function srtBlock(number: number, timing: string, ...lines: string[]): string {
  return [String(number), timing, ...lines, ''].join('\n');
}

describe('parseSrt', () => {
  it('should read numbered blocks with "Name:" prefixes when the file is Russian', () => {
    const text = [
      srtBlock(1, '00:00:01,000 --> 00:00:04,000', 'Модератор: Как вы выбираете банк?'),
      srtBlock(2, '00:00:04,500 --> 00:00:08,250', 'Участник 3: Смотрю на <i>кэшбэк</i>', 'и на отзывы.'),
      srtBlock(3, '00:00:09,000 --> 00:00:10,000', 'Модератор: Понятно.'),
    ].join('\n');

    const result = parseSrt(text);

    expect(result.format).toBe('srt');
    expect(result.utterances).toEqual([
      { index: 0, speaker: 'Модератор', startMs: 1000, endMs: 4000, text: 'Как вы выбираете банк?' },
      { index: 1, speaker: 'Участник 3', startMs: 4500, endMs: 8250, text: 'Смотрю на кэшбэк и на отзывы.' },
      { index: 2, speaker: 'Модератор', startMs: 9000, endMs: 10_000, text: 'Понятно.' },
    ]);
  });

  it('should read "[Name]" and "- Name:" prefixes and strip font tags when the file is English', () => {
    const text = [
      srtBlock(1, '00:00:01,000 --> 00:00:02,000', '[Interviewer] <font color="#ffff00">Why did you cancel?</font>'),
      srtBlock(2, '00:00:02,500 --> 00:00:05,000', '- Respondent: The app kept crashing.', '- Interviewer: When?'),
    ].join('\n');

    const result = parseSrt(text);

    expect(result.utterances.map((u) => [u.speaker, u.text])).toEqual([
      ['Interviewer', 'Why did you cancel?'],
      ['Respondent', 'The app kept crashing.'],
      ['Interviewer', 'When?'],
    ]);
  });

  it('should split unnamed dialogue lines when a block uses dashes', () => {
    const result = parseSrt(srtBlock(1, '00:00:01,000 --> 00:00:02,000', '- Привет!', '- Здравствуйте!'));

    expect(result.utterances.map((u) => [u.speaker, u.text])).toEqual([
      [null, 'Привет!'],
      [null, 'Здравствуйте!'],
    ]);
  });

  it('should continue the previous speaker when a block has no prefix', () => {
    const text = [
      srtBlock(1, '00:00:01,000 --> 00:00:02,000', 'Anna: I usually order online'),
      srtBlock(2, '00:00:02,000 --> 00:00:04,000', 'because it is faster.'),
    ].join('\n');

    const result = parseSrt(text);

    expect(result.utterances).toEqual([{ index: 0, speaker: 'Anna', startMs: 1000, endMs: 4000, text: 'I usually order online because it is faster.' }]);
  });

  it('should warn with the line number when a timing is malformed', () => {
    const text = [srtBlock(1, '00:00:01,000 --> 00:00:02,000', 'A: ok.'), srtBlock(2, '00:00:61,000 --> 00:00:62,000', 'A: bad.')].join('\n');

    const result = parseSrt(text);

    expect(result.utterances).toHaveLength(1);
    expect(result.warnings).toEqual([{ line: 6, message: expect.stringContaining('00:00:61,000') }]);
  });

  it('should tolerate blocks without blank lines between them', () => {
    const text = '1\n00:00:01,000 --> 00:00:02,000\nA: one.\n2\n00:00:03,000 --> 00:00:04,000\nB: two.\n';

    const result = parseSrt(text);

    expect(result.utterances.map((u) => [u.speaker, u.text])).toEqual([
      ['A', 'one.'],
      ['B', 'two.'],
    ]);
  });

  it('should throw an ImportError when no block holds text', () => {
    expect(() => parseSrt('1\n00:00:01,000 --> 00:00:02,000\n\n')).toThrow(ImportError);
  });
});
