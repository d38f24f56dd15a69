import { ImportError } from '../import-error';
import { parseVtt } from './parse-vtt';

function vtt(...blocks: string[]): string {
  return ['WEBVTT', '', ...blocks.flatMap((block) => [block, ''])].join('\n');
}

describe('parseVtt', () => {
  it('should read Teams voice tags and ignore cue settings when cues carry them', () => {
    const text = vtt(
      'a1b2-c3\n00:00:01.000 --> 00:00:04.500 align:start position:10%\n<v Анна Петрова>Здравствуйте, расскажите о себе.</v>',
      '00:00:05.000 --> 00:00:09.000 line:90%\n<v.loud Иван>Я покупаю в <i>интернете</i> &amp; в магазине.</v>',
    );

    const result = parseVtt(text);

    expect(result.utterances).toEqual([
      { index: 0, speaker: 'Анна Петрова', startMs: 1000, endMs: 4500, text: 'Здравствуйте, расскажите о себе.' },
      { index: 1, speaker: 'Иван', startMs: 5000, endMs: 9000, text: 'Я покупаю в интернете & в магазине.' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('should read Zoom "Speaker: text" prefixes when cues have no voice tags', () => {
    const text = vtt(
      '1\n00:00:01.000 --> 00:00:03.000\nJohn Smith: Thanks for joining.',
      '2\n00:00:03.500 --> 00:00:06.000\nMaria Lopez: Happy to help.',
      '3\n00:00:06.500 --> 00:00:08.000\nJohn Smith: Let us start.',
    );

    const result = parseVtt(text);

    expect(result.utterances.map((u) => [u.speaker, u.text])).toEqual([
      ['John Smith', 'Thanks for joining.'],
      ['Maria Lopez', 'Happy to help.'],
      ['John Smith', 'Let us start.'],
    ]);
    expect(result.speakers).toEqual([
      { name: 'John Smith', utteranceCount: 2, wordCount: 6 },
      { name: 'Maria Lopez', utteranceCount: 1, wordCount: 3 },
    ]);
  });

  it('should accept lowercase Zoom names when they recur through the file', () => {
    const cues = ['ivan.petrov: hi all.', 'maria: hello.', 'ivan.petrov: so.', 'maria: yes.', 'ivan.petrov: ok.', 'maria: fine.'].map(
      (line, i) => `00:00:${String(i * 2 + 1).padStart(2, '0')}.000 --> 00:00:${String(i * 2 + 2).padStart(2, '0')}.000\n${line}`,
    );

    const result = parseVtt(vtt(...cues));

    expect(result.speakers.map((s) => [s.name, s.utteranceCount])).toEqual([
      ['ivan.petrov', 3],
      ['maria', 3],
    ]);
  });

  it('should accept timings without hours when cues are short', () => {
    const result = parseVtt(vtt('01:02.345 --> 01:05.000\n<v Moderator>Next question.'));

    expect(result.utterances[0]).toMatchObject({ startMs: 62_345, endMs: 65_000 });
  });

  it('should merge consecutive cues of one speaker when the gap is at most 30 seconds', () => {
    const text = vtt(
      '00:00:01.000 --> 00:00:03.000\n<v Анна>Сначала я смотрю отзывы,',
      '00:00:03.000 --> 00:00:06.000\n<v Анна>потом сравниваю цены.',
      '00:00:40.000 --> 00:00:42.000\n<v Анна>И ещё одно.',
      '00:00:43.000 --> 00:00:45.000\n<v Борис>Согласен.',
    );

    const result = parseVtt(text);

    expect(result.utterances.map((u) => [u.speaker, u.startMs, u.endMs, u.text])).toEqual([
      ['Анна', 1000, 6000, 'Сначала я смотрю отзывы, потом сравниваю цены.'],
      ['Анна', 40_000, 42_000, 'И ещё одно.'],
      ['Борис', 43_000, 45_000, 'Согласен.'],
    ]);
  });

  it('should skip NOTE, STYLE and REGION blocks and strip inline tags when present', () => {
    const text = vtt(
      'STYLE\n::cue { color: yellow }',
      'REGION\nid:left width:40%',
      'NOTE this is a comment\nspanning lines',
      '00:00:01.000 --> 00:00:04.000\n<c.yellow>Hello</c> <00:00:02.000><b>world</b>&nbsp;&lt;3&lrm;\nsecond line',
    );

    const result = parseVtt(text);

    expect(result.utterances).toHaveLength(1);
    expect(result.utterances[0].text).toBe('Hello world <3 second line');
  });

  it('should split a cue into pieces when it holds two voices', () => {
    const result = parseVtt(vtt('00:00:01.000 --> 00:00:04.000\n<v Anna>Hi there.</v>\n<v Bob>Hello!</v>'));

    expect(result.utterances.map((u) => u.speaker)).toEqual(['Anna', 'Bob']);
  });

  it('should warn with the line number and skip the cue when a timing is malformed', () => {
    const text = vtt('00:00:01.000 --> 00:00:04.000\n<v A>One.', '00:00:0x.000 --> 00:00:06.000\n<v A>Broken.', '00:00:07.000 --> 00:00:08.000\n<v B>Two.');

    const result = parseVtt(text);

    expect(result.utterances.map((u) => u.text)).toEqual(['One.', 'Two.']);
    expect(result.warnings).toEqual([{ line: 6, message: expect.stringContaining('Malformed cue timing') }]);
  });

  it('should throw an ImportError when the file has no cues', () => {
    expect(() => parseVtt('WEBVTT\n\nNOTE nothing here\n')).toThrow(ImportError);
  });

  it('should keep a prose colon in the text when the label is not a speaker', () => {
    const text = vtt('00:00:01.000 --> 00:00:04.000\nВажно: цены выросли.', '00:00:05.000 --> 00:00:06.000\nи я думаю так: дорого.');

    const result = parseVtt(text);

    expect(result.utterances.map((u) => [u.speaker, u.text])).toEqual([
      [null, 'Важно: цены выросли.'],
      [null, 'и я думаю так: дорого.'],
    ]);
  });
});
