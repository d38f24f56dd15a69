import { ImportError } from '../import-error';
import { parsePlainText } from './parse-plain-text';

describe('parsePlainText', () => {
  it('should read "Speaker: text" lines with timestamps before or after the speaker', () => {
    const text = [
      '[00:00:05] Модератор: Расскажите, как вы узнали о нас?',
      'Анна К. (00:00:12): Из рекламы в соцсетях.',
      'Модератор: 00:00:20 А что было дальше?',
      '00:00:25 Анна К.: Зашла на сайт.',
    ].join('\n');

    const result = parsePlainText(text);

    expect(result.utterances.map((u) => [u.speaker, u.startMs, u.text])).toEqual([
      ['Модератор', 5000, 'Расскажите, как вы узнали о нас?'],
      ['Анна К.', 12_000, 'Из рекламы в соцсетях.'],
      ['Модератор', 20_000, 'А что было дальше?'],
      ['Анна К.', 25_000, 'Зашла на сайт.'],
    ]);
  });

  it('should continue the turn when lines have no speaker and blank lines separate them', () => {
    const text = 'Interviewer: Tell me about the last purchase.\nRespondent: I bought a kettle.\n\nIt broke after a week.\nInterviewer: Then?';

    const result = parsePlainText(text);

    expect(result.utterances.map((u) => [u.speaker, u.text])).toEqual([
      ['Interviewer', 'Tell me about the last purchase.'],
      ['Respondent', 'I bought a kettle. It broke after a week.'],
      ['Interviewer', 'Then?'],
    ]);
  });

  it('should keep "Важно:" as text when it opens a line of long prose', () => {
    const text = [
      'Модератор: Что вас остановило?',
      'Участник 3: Цена. Я долго сравнивал предложения и в итоге ушёл к конкурентам.',
      'Важно: у них была бесплатная доставка, и это решило дело.',
      'Я потом ещё раз это проверял: всё так.',
      'Модератор: Спасибо.',
    ].join('\n');

    const result = parsePlainText(text);

    expect(result.speakers.map((s) => s.name)).toEqual(['Модератор', 'Участник 3']);
    expect(result.utterances[1].text).toBe(
      'Цена. Я долго сравнивал предложения и в итоге ушёл к конкурентам. Важно: у них была бесплатная доставка, и это решило дело. Я потом ещё раз это проверял: всё так.',
    );
  });

  it('should not find speakers when the file is prose with a colon', () => {
    const result = parsePlainText('Мой опыт такой: сначала я искал в поиске.\nПотом спросил друзей.');

    expect(result.speakers).toEqual([]);
    expect(result.utterances).toHaveLength(1);
  });

  it('should read a name-and-time header line when the text follows on the next line', () => {
    const text = 'Speaker 1  0:03\nHi, thanks for coming.\n\nSpeaker 2  0:07\nSure.\n';

    const result = parsePlainText(text);

    expect(result.utterances.map((u) => [u.speaker, u.startMs, u.text])).toEqual([
      ['Speaker 1', 3000, 'Hi, thanks for coming.'],
      ['Speaker 2', 7000, 'Sure.'],
    ]);
  });

  it('should keep the turn together when a timestamp stands alone inside it', () => {
    const text = 'Анна: Первая мысль.\n(01:23)\nВторая мысль.';

    const result = parsePlainText(text);

    expect(result.utterances.map((u) => [u.speaker, u.startMs, u.text])).toEqual([['Анна', null, 'Первая мысль. Вторая мысль.']]);
  });

  it('should read the speaker on the line after a timing line when the file follows the Teams layout', () => {
    const text = '0:0:0.0 --> 0:0:5.250\nAnna Ivanova\nHello everyone.\n\n0:0:5.250 --> 0:0:9.0\nBoris\nHi.\n';

    const result = parsePlainText(text);

    expect(result.utterances.map((u) => [u.speaker, u.startMs, u.endMs, u.text])).toEqual([
      ['Anna Ivanova', 0, 5250, 'Hello everyone.'],
      ['Boris', 5250, 9000, 'Hi.'],
    ]);
  });

  it('should keep consecutive lines of one speaker apart when their times are more than 30 seconds apart', () => {
    const result = parsePlainText('[00:01:00] Интервьюер: Первый вопрос.\n[00:02:00] Интервьюер: Второй вопрос.');

    expect(result.utterances.map((u) => u.startMs)).toEqual([60_000, 120_000]);
  });

  it('should throw an ImportError when the file holds only blank lines', () => {
    expect(() => parsePlainText('\n\n  \n')).toThrow(ImportError);
  });
});
