import { copyField, OrderedIds } from './response-copy-writer';

describe('copyField', () => {
  it('should escape what COPY text format treats specially and mark null', () => {
    expect(copyField('C:\\Users\tАня\r\nвторая')).toBe('C:\\\\Users\\tАня\\r\\nвторая');
    expect(copyField('обычный текст, "кавычки"')).toBe('обычный текст, "кавычки"');
    expect(copyField(null)).toBe('\\N');
  });

  it('should escape every value alike when called many times in a row', () => {
    expect(['a\\b', 'c\\d', 'plain'].map(copyField)).toEqual(['a\\\\b', 'c\\\\d', 'plain']);
  });
});

describe('OrderedIds', () => {
  it('should make distinct version 7 UUIDs that sort in the order they were made', () => {
    const ids = new OrderedIds();
    const made = Array.from({ length: 5000 }, () => ids.next());
    expect(new Set(made).size).toBe(made.length);
    expect([...made].sort()).toEqual(made);
    for (const id of made.slice(0, 10)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
