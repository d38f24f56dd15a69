/**
 * A pattern source matching a name word in its inflected forms.
 *
 * Russian (Cyrillic words), by the ending of the nominative form — a small suffix rule, not a
 * morphological dictionary:
 * - `-ия` (Мария): -ия -ии -ию -ией -иею;
 * - `-ая` (Петровская): -ая -ой -ую -ою;  `-ий`/`-ый` (Достоевский): -ий/-ый -ого -ому -им -ом;
 * - `-а`/`-я` (Анна, Ольга, Петрова, Илья): stem + а я ы и е у ю ой ей ою ею;
 * - `-й` (Андрей): stem + й я ю ем е;  `-ь` (Игорь): stem + ь я ю ем е и ью;
 * - a consonant (Иван, Пётр, Петров): name + ∅ а у ом ым е; a fleeting `е` in `-ел`/`-ек`
 *   (Павел → Павла) is also matched;
 * - other endings (Марко, Мари) are indeclinable: the name only.
 * `е` and `ё` are interchangeable. Latin words match as written plus the English possessive
 * (Anna's, Anna’s, James').
 */
export function nameFormsSource(word: string): string {
  if (!/[а-яё]/i.test(word)) return `${escapeRegExp(word)}(?:['’]s|(?<=s)['’])?`;
  const lower = word.toLowerCase();
  const forms = (stem: string, endings: string[]): string => `${cyrillicPattern(stem)}(?:${endings.join('|')})`;
  if (lower.endsWith('ия')) return forms(word.slice(0, -2), ['ия', 'ии', 'ию', 'ией', 'иею']);
  if (lower.endsWith('ая')) return forms(word.slice(0, -2), ['ая', 'ой', 'ую', 'ою']);
  if (/(ий|ый)$/.test(lower)) return forms(word.slice(0, -2), ['ий', 'ый', 'ого', 'ому', 'им', 'ым', 'ом']);
  if (/[ая]$/.test(lower)) return forms(word.slice(0, -1), ['а', 'я', 'ы', 'и', 'е', 'у', 'ю', 'ой', 'ей', 'ою', 'ею']);
  if (lower.endsWith('й')) return forms(word.slice(0, -1), ['й', 'я', 'ю', 'ем', 'е']);
  if (lower.endsWith('ь')) return forms(word.slice(0, -1), ['ь', 'я', 'ю', 'ем', 'е', 'и', 'ью']);
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(lower)) {
    const endings = ['', 'а', 'у', 'ом', 'ым', 'е', 'ем'];
    const full = forms(word, endings);
    if (/[её][лк]$/.test(lower)) return `(?:${full}|${forms(word.slice(0, -2) + word.slice(-1), ['а', 'у', 'ом', 'е', 'ем'])})`;
    return full;
  }
  return cyrillicPattern(word);
}

function cyrillicPattern(text: string): string {
  return escapeRegExp(text).replace(/[её]/gi, (letter) => (letter === letter.toUpperCase() ? '[ЕЁеё]' : '[её]'));
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
