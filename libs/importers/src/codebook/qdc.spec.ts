import { ImportError } from '../import-error';
import type { CodebookEntry } from './codebook.types';
import { readQdc, writeQdc } from './qdc';

const entries: CodebookEntry[] = [
  { id: '11111111-1111-4111-8111-111111111111', parentId: null, name: 'Негатив', color: '#dc2626', description: 'Всё плохое', kind: 'emotion' },
  { id: '22222222-2222-4222-8222-222222222222', parentId: '11111111-1111-4111-8111-111111111111', name: 'Раздражение & злость', color: null, description: '', kind: 'emotion' },
  { id: '33333333-3333-4333-8333-333333333333', parentId: null, name: 'Доставка <долгая>', color: '#e11d48', description: '', kind: 'pain' },
];

describe('REFI-QDA codebook', () => {
  it('should read back what it wrote, hierarchy, colours and kinds included', () => {
    const xml = writeQdc(entries);
    expect(xml).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"');
    expect(readQdc(xml)).toEqual(entries);
  });

  it('should read a codebook written by another tool with prefixes, comments and CDATA', () => {
    const xml = `<?xml version="1.0"?>
<!-- exported -->
<qda:CodeBook xmlns:qda="urn:QDA-XML:codebook:1.0" origin="MAXQDA">
  <qda:Codes>
    <qda:Code guid="44444444-4444-4444-8444-444444444444" name="Price" isCodable="true" color="#00FF00">
      <qda:Description><![CDATA[Mentions of <price>]]></qda:Description>
    </qda:Code>
  </qda:Codes>
</qda:CodeBook>`;
    expect(readQdc(xml)).toEqual([{ id: '44444444-4444-4444-8444-444444444444', parentId: null, name: 'Price', color: '#00FF00', description: 'Mentions of <price>', kind: null }]);
  });

  it.each([
    ['a DOCTYPE with an external entity', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><CodeBook><Codes/></CodeBook>'],
    ['another root element', '<Project/>'],
    ['broken nesting', '<CodeBook><Codes></CodeBook>'],
    ['a code without a guid', '<CodeBook><Codes><Code name="x"/></Codes></CodeBook>'],
    ['an unknown entity', '<CodeBook><Codes><Code guid="44444444-4444-4444-8444-444444444444" name="&ext;"/></Codes></CodeBook>'],
  ])('should refuse %s', (_label, xml) => {
    expect(() => readQdc(xml)).toThrow(ImportError);
  });
});
