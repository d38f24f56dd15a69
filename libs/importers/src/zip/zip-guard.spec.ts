import JSZip from 'jszip';
import { ImportError } from '../import-error';
import { assertSafeZip } from './zip-guard';

async function zip(files: Record<string, string | Buffer>): Promise<Buffer> {
  const archive = new JSZip();
  for (const [name, content] of Object.entries(files)) archive.file(name, content);
  return archive.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('assertSafeZip', () => {
  it('should accept an ordinary archive when it is within the limits', async () => {
    expect(() => assertSafeZip(Buffer.from([]))).toThrow(ImportError);
    const ok = await zip({ 'word/document.xml': '<w:document>Привет</w:document>', '[Content_Types].xml': '<Types/>' });
    expect(() => assertSafeZip(ok)).not.toThrow();
  });

  it('should refuse a zip bomb whose content expands beyond the limit', async () => {
    const bombFile = await zip({ 'word/document.xml': Buffer.alloc(20 * 1024 * 1024, 0x41) });
    expect(bombFile.length).toBeLessThan(100 * 1024);
    expect(() => assertSafeZip(bombFile, undefined, { maxTotalBytes: 5 * 1024 * 1024, maxEntries: 100 })).toThrow(/expands to more than 5 MB/);
  });

  it('should refuse an archive with too many entries', async () => {
    const many = await zip(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.txt`, 'x'])));
    expect(() => assertSafeZip(many, undefined, { maxTotalBytes: 1024 * 1024, maxEntries: 10 })).toThrow(/more than 10 files/);
  });
});
