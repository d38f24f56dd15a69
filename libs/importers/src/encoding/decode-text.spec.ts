import { decodeText, sniffEncoding } from './decode-text';

const PRIVET_WINDOWS_1251 = [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2];

describe('decodeText', () => {
  it('should decode UTF-8 and normalise CRLF and CR when the file has no BOM', () => {
    const result = decodeText(Buffer.from('Анна: привет\r\nБорис: да\rконец', 'utf8'));

    expect(result).toEqual({ text: 'Анна: привет\nБорис: да\nконец', encoding: 'utf-8' });
  });

  it('should drop the BOM when the file is UTF-8 with BOM', () => {
    const result = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('WEBVTT', 'utf8')]));

    expect(result).toEqual({ text: 'WEBVTT', encoding: 'utf-8' });
  });

  it('should decode UTF-16 LE and BE when the file starts with their BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Привет', 'utf16le')]);
    const be = Buffer.from(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Привет', 'utf16le').swap16()]));

    expect(decodeText(le)).toEqual({ text: 'Привет', encoding: 'utf-16le' });
    expect(decodeText(be)).toEqual({ text: 'Привет', encoding: 'utf-16be' });
  });

  it('should fall back to Windows-1251 when the bytes are not valid UTF-8', () => {
    const result = decodeText(Buffer.from([...PRIVET_WINDOWS_1251, 0x0d, 0x0a]));

    expect(result).toEqual({ text: 'Привет\n', encoding: 'windows-1251' });
  });

  it('should detect UTF-16 LE without a BOM when ASCII text has zero high bytes', () => {
    expect(decodeText(Buffer.from('Speaker: hello there', 'utf16le')).encoding).toBe('utf-16le');
  });

  it('should tolerate a multi-byte character cut at the end when the prefix is incomplete', () => {
    const prefix = Buffer.from('Привет', 'utf8').subarray(0, 5);

    expect(sniffEncoding(prefix, false).encoding).toBe('utf-8');
    expect(sniffEncoding(prefix, true).encoding).toBe('windows-1251');
  });
});
