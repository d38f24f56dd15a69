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

  it('should throw an ImportError when the file holds only blank lines', () => {
    expect(() => parsePlainText('\n\n  \n')).toThrow(ImportError);
  });
});
