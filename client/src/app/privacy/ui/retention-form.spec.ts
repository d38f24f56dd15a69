import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { I18n } from '../../core/i18n/i18n';
import { RetentionForm } from './retention-form';

describe('RetentionForm', () => {
  async function render(retentionDays: number | null) {
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
    TestBed.inject(I18n).setLocale('en');
    const fixture = TestBed.createComponent(RetentionForm);
    fixture.componentRef.setInput('retentionDays', retentionDays);
    const saved: Array<number | null> = [];
    fixture.componentInstance.saved.subscribe((days) => saved.push(days));
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const field = root.querySelector('[data-testid="retention-days"]') as HTMLInputElement;
    const save = root.querySelector('[data-testid="retention-save"]') as HTMLButtonElement;
    const type = async (text: string) => {
      field.value = text;
      field.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    return { root, field, save, saved, type };
  }

  afterEach(() => TestBed.resetTestingModule());

  it('should show the current period and save a new one', async () => {
    const { root, field, save, saved, type } = await render(30);
    expect(field.value).toBe('30');
    expect(root.querySelector('[data-testid="retention-current"]')?.textContent?.trim()).toBe('Responses older than 30 days are erased every night.');
    expect(save.disabled).toBe(true);
    await type('365');
    expect(save.disabled).toBe(false);
    save.click();
    expect(saved).toEqual([365]);
  });

  it('should switch retention off when the field is emptied', async () => {
    const { save, saved, type } = await render(30);
    await type('');
    save.click();
    expect(saved).toEqual([null]);
  });

  it.each(['0', '99999', 'abc'])('should refuse %s with a message and no save', async (text) => {
    const { root, save, saved, type } = await render(null);
    await type(text);
    expect(root.querySelector('[data-testid="retention-invalid"]')?.textContent?.trim()).toBe('Enter a whole number of days from 1 to 3650, or leave empty');
    expect(save.disabled).toBe(true);
    save.click();
    expect(saved).toEqual([]);
  });
});
