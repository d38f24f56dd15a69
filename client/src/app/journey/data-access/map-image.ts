import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';

/** Draws a part of the page as a PNG in the browser and downloads it (html-to-image, loaded on first use). */
@Injectable({ providedIn: 'root' })
export class MapImage {
  private readonly document = inject(DOCUMENT);

  async download(element: HTMLElement, fileName: string): Promise<void> {
    const { toPng } = await import('html-to-image');
    const dataUrl = await toPng(element, {
      backgroundColor: '#ffffff',
      pixelRatio: 2,
      width: element.scrollWidth,
      height: element.scrollHeight,
      cacheBust: true,
      // Editing controls (add note, "more") are marked data-export="skip" and left out of the picture.
      filter: (node) => !(node instanceof HTMLElement && node.dataset['export'] === 'skip'),
    });
    const link = this.document.createElement('a');
    link.href = dataUrl;
    link.download = fileName;
    this.document.body.appendChild(link);
    link.click();
    link.remove();
  }
}
