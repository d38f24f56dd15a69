import { provideZonelessChangeDetection } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { CreateTagRequest } from '@tropa/contracts';
import { I18n } from '../../core/i18n/i18n';
import { aTag } from '../../testing/factories';
import { TagForm } from './tag-form';

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const pain = aTag({ id: 'pain', name: 'Pain' });
const waiting = aTag({ id: 'waiting', name: 'Waiting', parentId: 'pain' });
const queue = aTag({ id: 'queue', name: 'Queue', parentId: 'waiting' });
const joy = aTag({ id: 'joy', name: 'Joy', kind: 'emotion', valence: 1 });

describe('TagForm', () => {
  let fixture: ComponentFixture<TagForm>;

  async function render(tag: ReturnType<typeof aTag> | null): Promise<HTMLElement> {
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
    TestBed.inject(I18n).setLocale('en');
    fixture = TestBed.createComponent(TagForm);
    fixture.componentRef.setInput('tag', tag);
    fixture.componentRef.setInput('tags', [pain, waiting, queue, joy]);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  async function openSelect(root: HTMLElement, testId: string): Promise<string[]> {
    (root.querySelector(`[data-testid="${testId}"] .mat-mdc-select-trigger`) as HTMLElement).click();
    await settle();
    await fixture.whenStable();
    return Array.from(document.querySelectorAll('mat-option')).map((option) => option.textContent?.trim() ?? '');
  }

  afterEach(() => TestBed.resetTestingModule());

  it('should offer as parent neither the tag nor its descendants when editing', async () => {
    const root = await render(waiting);

    expect(await openSelect(root, 'tag-form-parent')).toEqual(['None (top level)', 'Pain', 'Joy']);
  });

  it('should show the valence only for an emotion tag', async () => {
    expect((await render(joy)).querySelector('[data-testid="tag-form-valence"]')).not.toBeNull();
    TestBed.resetTestingModule();
    expect((await render(pain)).querySelector('[data-testid="tag-form-valence"]')).toBeNull();
  });

  it('should not offer the stage kind for a new tag', async () => {
    const root = await render(null);

    const kinds = await openSelect(root, 'tag-form-kind');
    expect(kinds).toContain('Pain');
    expect(kinds).not.toContain('Stage');
  });

  it('should emit a trimmed request with no shortcut and no valence when they are left empty', async () => {
    const root = await render(null);
    const emitted: CreateTagRequest[] = [];
    fixture.componentInstance.submitted.subscribe((request) => emitted.push(request));
    const name = root.querySelector('[data-testid="tag-form-name"]') as HTMLInputElement;
    name.value = '  Delivery  ';
    name.dispatchEvent(new Event('input'));

    (root.querySelector('[data-testid="tag-form"]') as HTMLFormElement).dispatchEvent(new Event('submit'));

    expect(emitted).toEqual([{ kind: 'pain', name: 'Delivery', parentId: null, color: '#6b7280', description: '', shortcut: null, valence: null }]);
  });

  it('should not emit when the name is empty', async () => {
    const root = await render(null);
    const emitted: CreateTagRequest[] = [];
    fixture.componentInstance.submitted.subscribe((request) => emitted.push(request));

    (root.querySelector('[data-testid="tag-form"]') as HTMLFormElement).dispatchEvent(new Event('submit'));

    expect(emitted).toEqual([]);
  });

  it('should show a field error of the server by its field', async () => {
    const root = await render(pain);
    fixture.componentRef.setInput('serverError', {
      statusCode: 400,
      error: 'Bad Request',
      message: 'Validation failed',
      details: [{ field: 'parentId', message: 'A tag cannot be placed under itself or one of its children' }],
    });
    await fixture.whenStable();

    expect(root.querySelector('[data-testid="error-parentId"]')?.textContent?.trim()).toBe('A tag cannot be placed under itself or one of its children');
    expect(root.querySelector('[data-testid="form-error"]')).toBeNull();
  });
});
