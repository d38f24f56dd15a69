import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { TagResponse } from '@tropa/contracts';
import { I18n } from '../../core/i18n/i18n';
import { aTag } from '../testing/coding-factories';
import { TagPicker } from './tag-picker';

describe('TagPicker', () => {
  it('should narrow the codebook as the coder types and pick the active option with the arrow keys and Enter', async () => {
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
    TestBed.inject(I18n).setLocale('en');
    const fixture = TestBed.createComponent(TagPicker);
    fixture.componentRef.setInput('rows', [
      { tag: aTag({ id: 'delivery', name: 'Delivery' }), depth: 0 },
      { tag: aTag({ id: 'late', name: 'Late delivery', parentId: 'delivery', shortcut: 'l' }), depth: 1 },
      { tag: aTag({ id: 'price', name: 'Price' }), depth: 0 },
    ]);
    const picked: TagResponse[] = [];
    fixture.componentInstance.picked.subscribe((tag) => picked.push(tag));
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const names = (): string[] => Array.from(root.querySelectorAll('[data-testid="tag-option"] .name')).map((name) => name.textContent ?? '');
    const search = root.querySelector('[data-testid="tag-search"]') as HTMLInputElement;

    expect(names()).toEqual(['Delivery', 'Late delivery', 'Price']);
    search.value = 'DELIV';
    search.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(names()).toEqual(['Delivery', 'Late delivery']);

    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(picked.map((tag) => tag.id)).toEqual(['late']);

    search.value = 'zzz';
    search.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(root.querySelector('[data-testid="tag-options-empty"]')?.textContent?.trim()).toBe('No tag matches.');
  });
});
