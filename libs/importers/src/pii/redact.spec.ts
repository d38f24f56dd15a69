import { ImportErrorCode } from '../import-error';
import { findPersonalData } from './find-personal-data';
import { redact } from './redact';

describe('redact', () => {
  it('should replace accepted matches with their kind when several are in one text', () => {
    const text = 'Анна: пишите anna@mail.ru, звоните +7 912 345-67-89, карта 4111 1111 1111 1111, vk.com/id777.';

    expect(redact(text, findPersonalData(text))).toBe('Анна: пишите [email], звоните [phone], карта [card], [url].');
  });

  it('should leave matches the researcher did not accept when only some are accepted', () => {
    const text = 'a@b.ru и c@d.ru';
    const [, second] = findPersonalData(text);

    expect(redact(text, [second])).toBe('a@b.ru и [email]');
  });

  it('should replace a Russian name in its inflected forms when the name is marked', () => {
    const text = 'Анна пришла. У Анны нет карты, Анне позвонили, Анну ждали, с Анной говорили. Аннушка и Жанна — другие.';

    expect(redact(text, [], [{ name: 'Анна', pseudonym: 'Участница 1' }])).toBe(
      'Участница 1 пришла. У Участница 1 нет карты, Участница 1 позвонили, Участница 1 ждали, с Участница 1 говорили. Аннушка и Жанна — другие.',
    );
  });

  it('should replace full names and their parts when the name has two words', () => {
    const text = 'Встретились с Петром Ивановым. Пётр сказал, что Иванова знает.';

    expect(redact(text, [], [{ name: 'Пётр Иванов', pseudonym: 'P2' }])).toBe('Встретились с P2. P2 сказал, что P2 знает.');
  });

  it.each([
    ['Мария', 'Без Марии и с Марией', 'Без X и с X'],
    ['Андрей', 'Андрея нет, Андреем доволен', 'X нет, X доволен'],
    ['Игорь', 'у Игоря, с Игорем', 'у X, с X'],
    ['Павел', 'у Павла, с Павлом', 'у X, с X'],
  ])('should replace %s when it is inflected', (name, text, expected) => {
    expect(redact(text, [], [{ name, pseudonym: 'X' }])).toBe(expected);
  });

  it('should replace an English name case-insensitively and keep the possessive', () => {
    const text = "ANNA said Anna's order was late; Annabel disagreed with anna.";

    expect(redact(text, [], [{ name: 'Anna', pseudonym: 'Participant 1' }])).toBe(
      "Participant 1 said Participant 1's order was late; Annabel disagreed with Participant 1.",
    );
  });

  it('should throw STALE_REDACTION when a match no longer fits the text', () => {
    expect(() => redact('hello', [{ kind: 'email', start: 0, end: 5, text: 'a@b.c' }])).toThrow(
      expect.objectContaining({ code: ImportErrorCode.StaleRedaction }),
    );
  });
});
