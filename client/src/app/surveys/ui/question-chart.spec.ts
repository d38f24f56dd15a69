import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { I18n } from '../../core/i18n/i18n';
import { QuestionChart } from './question-chart';

describe('QuestionChart', () => {
  afterEach(() => TestBed.resetTestingModule());

  it('should list an open question’s latest answers as text', async () => {
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
    TestBed.inject(I18n).setLocale('ru');
    const fixture = TestBed.createComponent(QuestionChart);
    fixture.componentRef.setInput('chart', { kind: 'open', name: 'job', title: 'Что вы хотели сделать?', answered: 270, latest: ['<b>Купить</b> крем', 'Подарок маме'] });
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;

    expect([...root.querySelectorAll('[data-testid="summary-latest-answer"]')].map((item) => item.textContent)).toEqual(['<b>Купить</b> крем', 'Подарок маме']);
    expect(root.querySelector('b')).toBeNull();
    expect(root.textContent).toContain('Последние ответы');
  });
});
