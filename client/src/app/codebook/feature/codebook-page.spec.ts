import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import type { ProjectRole, TagResponse } from '@tropa/contracts';
import { of } from 'rxjs';
import { I18n } from '../../core/i18n/i18n';
import { ProjectStore } from '../../projects/data-access/project-store';
import { aPage, aProject, aTag } from '../../testing/factories';
import { CodebookPage } from './codebook-page';

const projectUrl = '/api/projects/project-1';
const tagsUrl = `${projectUrl}/tags`;
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const codebook: TagResponse[] = [
  aTag({ id: 'pain', name: 'Pain', kind: 'pain', usage: 4, shortcut: 'p' }),
  aTag({ id: 'waiting', name: 'Waiting', kind: 'pain', parentId: 'pain', usage: 3 }),
  aTag({ id: 'queue', name: 'Queue', kind: 'pain', parentId: 'waiting', usage: 2 }),
  aTag({ id: 'joy', name: 'Joy', kind: 'emotion', usage: 0, color: '#16a34a', valence: 2 }),
];

describe('CodebookPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<CodebookPage>;
  let dialogAnswers: unknown[];

  async function render(role: ProjectRole, tags: TagResponse[] = codebook): Promise<HTMLElement> {
    dialogAnswers = [];
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        ProjectStore,
        { provide: MatDialog, useValue: { open: () => ({ afterClosed: () => of(dialogAnswers.shift()) }) } },
      ],
    });
    TestBed.inject(I18n).setLocale('en');
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(ProjectStore).load('project-1');
    http.expectOne(projectUrl).flush(aProject({ myRole: role }));
    fixture = TestBed.createComponent(CodebookPage);
    fixture.componentRef.setInput('projectId', 'project-1');
    await fixture.whenStable();
    http.expectOne((request) => request.url === tagsUrl && request.method === 'GET').flush(aPage(tags, { pageSize: 100 }));
    await stable();
    return fixture.nativeElement as HTMLElement;
  }

  async function stable(): Promise<void> {
    await settle();
    await fixture.whenStable();
  }

  const find = (root: HTMLElement, testId: string): HTMLElement | null => root.querySelector(`[data-testid="${testId}"]`);
  const findAll = (root: HTMLElement, testId: string): HTMLElement[] => Array.from(root.querySelectorAll(`[data-testid="${testId}"]`));
  const rowOf = (root: HTMLElement, tagId: string): HTMLElement => root.querySelector(`[data-tag-id="${tagId}"]`) as HTMLElement;

  afterEach(() => {
    http.verify();
    TestBed.resetTestingModule();
  });

  it('should show the tags as a tree with kind, shortcut and usage when loaded', async () => {
    const root = await render('moderator');

    const names = findAll(root, 'tag-name').map((cell) => cell.textContent?.trim());
    expect(names).toEqual(['Pain', 'Waiting', 'Queue', 'Joy']);
    expect(rowOf(root, 'queue').getAttribute('aria-level')).toBe('3');
    expect(rowOf(root, 'pain').querySelector('[data-testid="tag-kind"]')?.textContent?.trim()).toBe('Pain');
    expect(rowOf(root, 'pain').querySelector('[data-testid="tag-shortcut"]')?.textContent?.trim()).toBe('p');
    expect(rowOf(root, 'waiting').querySelector('[data-testid="tag-usage"]')?.getAttribute('href')).toBe('/projects/project-1/quotes?tagId=waiting');
    expect(find(root, 'codebook-export-qdc')?.getAttribute('href')).toBe(`${tagsUrl}/export?format=qdc`);
    expect(find(root, 'codebook-export-csv')?.getAttribute('href')).toBe(`${tagsUrl}/export?format=csv`);
  });

  it('should hide a branch when its parent is collapsed', async () => {
    const root = await render('moderator');

    (rowOf(root, 'pain').querySelector('[data-testid="tag-toggle"]') as HTMLButtonElement).click();
    await stable();

    expect(findAll(root, 'tag-name').map((cell) => cell.textContent?.trim())).toEqual(['Pain', 'Joy']);
  });

  it('should hide every write control when the role is strategist', async () => {
    const root = await render('strategist');

    expect(find(root, 'codebook-read-only')).not.toBeNull();
    expect(find(root, 'tag-new')).toBeNull();
    expect(find(root, 'tag-edit')).toBeNull();
    expect(find(root, 'tag-delete')).toBeNull();
    expect(find(root, 'codebook-import')).toBeNull();
    expect(find(root, 'codebook-export-qdc')).not.toBeNull();
  });

  it('should show the server error by the shortcut field when it is taken', async () => {
    const root = await render('moderator');
    (rowOf(root, 'joy').querySelector('[data-testid="tag-edit"]') as HTMLButtonElement).click();
    await stable();
    const shortcut = find(root, 'tag-form-shortcut') as HTMLInputElement;
    shortcut.value = 'p';
    shortcut.dispatchEvent(new Event('input'));
    (find(root, 'tag-form') as HTMLFormElement).dispatchEvent(new Event('submit'));

    const request = http.expectOne({ method: 'PATCH', url: `${tagsUrl}/joy` });
    expect(request.request.body).toMatchObject({ name: 'Joy', shortcut: 'p', valence: 2, parentId: null });
    expect(request.request.body).not.toHaveProperty('kind');
    request.flush(
      { statusCode: 409, error: 'Conflict', message: 'Another tag uses this shortcut', details: [{ field: 'shortcut', message: 'Another tag uses this shortcut' }] },
      { status: 409, statusText: 'Conflict' },
    );
    await stable();

    expect(find(root, 'error-shortcut')?.textContent?.trim()).toBe('Another tag uses this shortcut');
    expect(find(root, 'tag-form')).not.toBeNull();
  });

  it('should create a tag under the chosen parent and show it in the tree', async () => {
    const root = await render('researcher');
    find(root, 'tag-new')?.click();
    await stable();
    const name = find(root, 'tag-form-name') as HTMLInputElement;
    name.value = 'Price';
    name.dispatchEvent(new Event('input'));
    (find(root, 'tag-form') as HTMLFormElement).dispatchEvent(new Event('submit'));

    const request = http.expectOne({ method: 'POST', url: tagsUrl });
    expect(request.request.body).toMatchObject({ kind: 'pain', name: 'Price', parentId: null, shortcut: null, valence: null });
    request.flush(aTag({ id: 'price', name: 'Price' }));
    await stable();

    expect(find(root, 'tag-form')).toBeNull();
    expect(findAll(root, 'tag-name').map((cell) => cell.textContent?.trim())).toContain('Price');
  });

  it('should state the quotes and sub-tags a delete takes before deleting', async () => {
    const root = await render('owner');
    const dialog = TestBed.inject(MatDialog);
    const open = jest.spyOn(dialog, 'open');
    dialogAnswers = [true];

    (rowOf(root, 'waiting').querySelector('[data-testid="tag-delete"]') as HTMLButtonElement).click();
    http.expectOne({ method: 'GET', url: `${tagsUrl}/waiting` }).flush(aTag({ id: 'waiting', name: 'Waiting', parentId: 'pain', usage: 5 }));
    await stable();

    const data = open.mock.calls[0][1]?.data as { message: string };
    expect(data.message).toBe('Delete “Waiting”? 5 quotes lose this tag. Its 1 sub-tags are deleted too, with their tags on 2 quotes.');
    http.expectOne({ method: 'DELETE', url: `${tagsUrl}/waiting` }).flush(null, { status: 204, statusText: 'No Content' });
    await stable();

    expect(findAll(root, 'tag-name').map((cell) => cell.textContent?.trim())).toEqual(['Pain', 'Joy']);
  });

  it('should delete nothing when the confirmation is cancelled', async () => {
    const root = await render('owner');
    dialogAnswers = [false];

    (rowOf(root, 'joy').querySelector('[data-testid="tag-delete"]') as HTMLButtonElement).click();
    http.expectOne({ method: 'GET', url: `${tagsUrl}/joy` }).flush(codebook[3]);
    await stable();

    http.expectNone({ method: 'DELETE', url: `${tagsUrl}/joy` });
    expect(findAll(root, 'tag-name')).toHaveLength(4);
  });

  it('should merge into the chosen tag, offering neither the tag itself nor its descendants', async () => {
    const root = await render('moderator');
    const dialog = TestBed.inject(MatDialog);
    const open = jest.spyOn(dialog, 'open');
    dialogAnswers = ['joy'];

    (rowOf(root, 'waiting').querySelector('[data-testid="tag-merge"]') as HTMLButtonElement).click();
    await stable();

    const data = open.mock.calls[0][1]?.data as { targets: Array<{ id: string; label: string }> };
    expect(data.targets).toEqual([
      { id: 'pain', label: 'Pain' },
      { id: 'joy', label: 'Joy' },
    ]);
    const request = http.expectOne({ method: 'POST', url: `${tagsUrl}/waiting/merge` });
    expect(request.request.body).toEqual({ intoTagId: 'joy' });
    request.flush(aTag({ id: 'joy', name: 'Joy', kind: 'emotion', usage: 3 }));
    await stable();

    expect(find(root, 'codebook-notice')?.textContent?.trim()).toBe('“Waiting” merged into “Joy”.');
    expect(rowOf(root, 'queue').getAttribute('aria-level')).toBe('2');
  });

  it('should show the import report when a file is imported', async () => {
    const root = await render('moderator', []);
    expect(find(root, 'codebook-empty')).not.toBeNull();
    const input = find(root, 'codebook-import-file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'codebook.qdc')], configurable: true });
    input.dispatchEvent(new Event('change'));

    http.expectOne({ method: 'POST', url: `${tagsUrl}/import` }).flush({ created: 12, reused: 3, skipped: 1 });
    await stable();
    http.expectOne((request) => request.url === tagsUrl && request.method === 'GET').flush(aPage([aTag()], { pageSize: 100 }));
    await stable();

    expect(find(root, 'codebook-import-report')?.textContent?.trim()).toBe('Imported: 12 new tags, 3 matched existing tags, 1 rows skipped.');
    expect(findAll(root, 'tag-row')).toHaveLength(1);
  });

  it('should show the server message when an import fails', async () => {
    const root = await render('moderator', []);
    const input = find(root, 'codebook-import-file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'codebook.pdf')], configurable: true });
    input.dispatchEvent(new Event('change'));

    http
      .expectOne({ method: 'POST', url: `${tagsUrl}/import` })
      .flush({ statusCode: 400, error: 'Bad Request', message: 'file must be a .qdc or .csv codebook', details: [{ field: 'file', message: 'file must be a .qdc or .csv codebook' }] }, { status: 400, statusText: 'Bad Request' });
    await stable();

    expect(find(root, 'error-banner')?.textContent).toContain('file must be a .qdc or .csv codebook');
    expect(find(root, 'codebook-import-report')).toBeNull();
  });
});
