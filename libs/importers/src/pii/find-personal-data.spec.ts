import { findPersonalData } from './find-personal-data';
import { passesLuhn } from './luhn';
import type { PiiKind } from './pii.types';

function found(text: string): Array<[PiiKind, string]> {
  return findPersonalData(text).map((match) => [match.kind, match.text]);
}

describe('findPersonalData', () => {
  it('should find e-mail addresses when they are in Russian and English text', () => {
    expect(found('Пишите на anna.petrova+cjm@yandex.ru или John.Smith@example.co.uk.')).toEqual([
      ['email', 'anna.petrova+cjm@yandex.ru'],
      ['email', 'John.Smith@example.co.uk'],
    ]);
  });

  it.each(['+7 (912) 345-67-89', '8 912 345 67 89', '89123456789', '+7-912-345-67-89', '8 (495) 123-45-67', '+44 20 7946 0958', '+1 (415) 555-2671', '(912) 345-67-89'])(
    'should find the phone %s when it is written in a sentence',
    (phone) => {
      expect(found(`Мой номер ${phone}, звоните после шести.`)).toEqual([['phone', phone]]);
    },
  );

  it('should find a phone when it follows an abbreviation with a dot', () => {
    expect(found('тел.89123456789')).toEqual([['phone', '89123456789']]);
  });

  it.each([
    ['a decimal number', 'Коэффициент 3.14159265358 и 2,71828182845.'],
    ['a date', 'Встреча 12.03.2024 в 10:30, потом 2024-03-12.'],
    ['a price', 'Подписка стоит 1 500 ₽, а годовая 15 000 ₽.'],
    ['an order number', 'Заказ №123456 и номер заказа 89123456789 пришли поздно.'],
    ['a time range', 'Звонок с 10:30-11:00 по Москве.'],
    ['a short number', 'Код 123-45-67 и 2 345 678.'],
    ['a big amount', 'Выручка 150 000 000 рублей за 2023 год.'],
  ])('should not report a phone when the number is %s', (_label, text) => {
    expect(found(text)).toEqual([]);
  });

  it('should find a card number when it passes Luhn', () => {
    expect(found('Карта 4111 1111 1111 1111, а вторая 5500-0000-0000-0004 и 4012888888881881.')).toEqual([
      ['card', '4111 1111 1111 1111'],
      ['card', '5500-0000-0000-0004'],
      ['card', '4012888888881881'],
    ]);
  });

  it('should not report a card when the digits fail Luhn or repeat', () => {
    expect(found('Номер 4111 1111 1111 1112 и 0000 0000 0000 0000.')).toEqual([]);
  });

  it('should check the Luhn sum when digits are given', () => {
    expect(passesLuhn('79927398713')).toBe(true);
    expect(passesLuhn('79927398710')).toBe(false);
  });

  it('should find personal URLs when they point at a profile', () => {
    const text = 'Я есть vk.com/id12345, https://www.instagram.com/anna_petrova/ и t.me/annapetrova; также facebook.com/anna.p и https://example.com/users/anna.';

    expect(found(text)).toEqual([
      ['url', 'vk.com/id12345'],
      ['url', 'https://www.instagram.com/anna_petrova/'],
      ['url', 't.me/annapetrova'],
      ['url', 'facebook.com/anna.p'],
      ['url', 'https://example.com/users/anna'],
    ]);
  });

  it('should find a URL when its query identifies a person', () => {
    expect(found('Ссылка https://shop.ru/cart?user_id=998&utm_source=mail сломалась')).toEqual([['url', 'https://shop.ru/cart?user_id=998&utm_source=mail']]);
  });

  it('should not report plain domains or ordinary pages when they name a shop', () => {
    expect(found('Заказываю на ozon.ru, https://www.wildberries.ru/ и ozon.ru/category/smartfony-15502/ (очень удобно).')).toEqual([]);
    expect(found('See https://vk.com/feed and https://www.youtube.com/watch?v=dQw4w9WgXcQ.')).toEqual([]);
  });

  it('should report one URL when it contains an e-mail address', () => {
    expect(found('https://forms.site/r?email=anna@mail.ru')).toEqual([['url', 'https://forms.site/r?email=anna@mail.ru']]);
  });

  it('should keep offsets that slice the source text', () => {
    const text = 'Тел.: +7 912 345 67 89; почта: a@b.ru';

    for (const match of findPersonalData(text)) expect(text.slice(match.start, match.end)).toBe(match.text);
  });
});
