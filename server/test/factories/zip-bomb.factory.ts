import JSZip from 'jszip';

/** A small archive (well under 1 MB) whose one entry inflates to 120 MB: over the 100 MB limit. */
export async function zipBomb(entryName: string): Promise<Buffer> {
  const archive = new JSZip();
  archive.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  archive.file(entryName, Buffer.alloc(120 * 1024 * 1024, 0x20));
  return archive.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}
