import { ChangeDetectionStrategy, Component, inject, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Locale } from '@tropa/contracts';
import { LanguageSwitch } from '../../shell/language-switch';
import { I18n, LOCALE_STORAGE_KEY } from './i18n';
import { EN_MESSAGES } from './messages.en';
import { RU_MESSAGES } from './messages.ru';
import { TranslatePipe } from './translate.pipe';

@Component({
  selector: 'tropa-test-host',
  imports: [TranslatePipe, LanguageSwitch],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <tropa-language-switch [locale]="i18n.locale()" (changed)="switchTo($event)" />
    <h1>{{ 'projects.title' | t }}</h1>
    <p>{{ 'projects.updated' | t: { date: '1 May' } }}</p>
  `,
})
class TestHost {
  protected readonly i18n = inject(I18n);

  switchTo(locale: Locale): void {
    this.i18n.setLocale(locale);
  }
}

describe('I18n', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
  });

  it('should have a Russian text for every English key', () => {
    const missing = Object.keys(EN_MESSAGES).filter((key) => !(key in RU_MESSAGES) || !RU_MESSAGES[key as keyof typeof RU_MESSAGES]);
    expect(missing).toEqual([]);
  });

  it('should start in the stored language when one was chosen before', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'ru');

    expect(TestBed.inject(I18n).locale()).toBe('ru');
  });

  it('should fill in parameters', () => {
    const i18n = TestBed.inject(I18n);
    i18n.setLocale('en');

    expect(i18n.t('paginator.range', { from: 1, to: 25, total: 80 })).toBe('1–25 of 80');
  });

  it('should re-render the page in Russian when the RU button of the language switch is clicked', async () => {
    TestBed.inject(I18n).setLocale('en');
    const fixture = TestBed.createComponent(TestHost);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    expect(root.querySelector('h1')?.textContent).toBe('Projects');

    root.querySelector<HTMLButtonElement>('[data-testid="lang-ru"] button')?.click();
    await fixture.whenStable();

    expect(root.querySelector('h1')?.textContent).toBe('Проекты');
    expect(root.querySelector('p')?.textContent).toBe('Обновлён 1 May');
    expect(document.documentElement.lang).toBe('ru');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('ru');
  });
});
