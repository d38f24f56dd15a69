import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { I18n } from '../../core/i18n/i18n';
import { aTag } from '../../testing/factories';
import type { MergeTagDialogData } from './merge-tag-dialog';
import { MergeTagDialog } from './merge-tag-dialog';

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('MergeTagDialog', () => {
  afterEach(() => TestBed.resetTestingModule());

  it('should say how many quotes move once a target is chosen', async () => {
    const data: MergeTagDialogData = {
      tag: aTag({ id: 'queue', name: 'Queue', usage: 7 }),
      targets: [{ id: 'waiting', label: 'Pain › Waiting' }],
    };
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), { provide: MAT_DIALOG_DATA, useValue: data }, { provide: MatDialogRef, useValue: { close: jest.fn() } }],
    });
    TestBed.inject(I18n).setLocale('en');
    const fixture = TestBed.createComponent(MergeTagDialog);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    expect(root.querySelector('[data-testid="merge-summary"]')).toBeNull();
    expect((root.querySelector('[data-testid="merge-confirm"]') as HTMLButtonElement).disabled).toBe(true);

    (root.querySelector('[data-testid="merge-target"] .mat-mdc-select-trigger') as HTMLElement).click();
    await settle();
    (document.querySelector('mat-option') as HTMLElement).click();
    await settle();
    await fixture.whenStable();

    expect(root.querySelector('[data-testid="merge-summary"]')?.textContent?.trim()).toBe(
      '7 quotes move to “Pain › Waiting”; “Queue” is deleted and its sub-tags move too.',
    );
    expect((root.querySelector('[data-testid="merge-confirm"]') as HTMLButtonElement).disabled).toBe(false);
  });
});
