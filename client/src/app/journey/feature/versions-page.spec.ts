import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import type { ProjectRole } from '@tropa/contracts';
import { of } from 'rxjs';
import type { ConfirmDialogData } from '../../core/ui/confirm-dialog';
import { I18n } from '../../core/i18n/i18n';
import { ProjectStore } from '../../projects/data-access/project-store';
import { aMapDiff, aMapFinding, aMapVersion, aPage, aProject, aWorkingMap } from '../../testing/factories';
import { VersionsPage } from './versions-page';

const projectUrl = '/api/projects/project-1';
const mapUrl = `${projectUrl}/map`;
const versionsUrl = `${mapUrl}/versions`;
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const map = aWorkingMap(['Awareness', 'Consideration'], {
  findings: [
    aMapFinding({ id: 'f1', status: 'proposed' }),
    aMapFinding({ id: 'f2', status: 'proposed' }),
    aMapFinding({ id: 'f3', status: 'accepted' }),
  ],
});
const second = aMapVersion({ id: 'version-2', number: 2, unreviewed: 3, findings: 14 });
const first = aMapVersion({ id: 'version-1', number: 1 });

describe('VersionsPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<VersionsPage>;
  let dialogs: ConfirmDialogData[];

  async function render(role: ProjectRole, versions = [second, first]): Promise<HTMLElement> {
    dialogs = [];
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        ProjectStore,
        {
          provide: MatDialog,
          useValue: {
            open: (_component: unknown, config: { data: ConfirmDialogData }) => {
              dialogs.push(config.data);
              return { afterClosed: () => of(true) };
            },
          },
        },
      ],
    });
    TestBed.inject(I18n).setLocale('en');
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(ProjectStore).load('project-1');
    http.expectOne(projectUrl).flush(aProject({ myRole: role }));
    fixture = TestBed.createComponent(VersionsPage);
    fixture.componentRef.setInput('projectId', 'project-1');
    await fixture.whenStable();
    http.expectOne((request) => request.url === versionsUrl && request.method === 'GET').flush(aPage(versions));
    http.expectOne((request) => request.url === mapUrl && request.method === 'GET').flush(map);
    await stable();
    return fixture.nativeElement as HTMLElement;
  }

  async function stable(): Promise<void> {
    await settle();
    await fixture.whenStable();
  }

  const find = (root: ParentNode, testId: string): HTMLElement | null => root.querySelector(`[data-testid="${testId}"]`);
  const findAll = (root: ParentNode, testId: string): HTMLElement[] => Array.from(root.querySelectorAll(`[data-testid="${testId}"]`));
  const text = (root: ParentNode, testId: string): string => find(root, testId)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  afterEach(() => {
    http.verify();
    TestBed.resetTestingModule();
  });

  it('should list versions newest first with who published them, their findings and the unreviewed mark', async () => {
    const root = await render('moderator');

    const rows = findAll(root, 'version-row');
    expect(rows.map((row) => row.getAttribute('data-version-number'))).toEqual(['2', '1']);
    expect(text(rows[0], 'version-unreviewed')).toBe('3 unreviewed');
    expect(find(rows[1], 'version-unreviewed')).toBeNull();
    expect(text(rows[0], 'version-by')).toBe('Anna');
    expect(text(rows[0], 'version-findings')).toBe('14');
    expect(find(rows[0], 'version-open')?.getAttribute('href')).toContain('version=version-2');
    expect(find(root, 'version-publish')).toBeNull();
  });

  it('should warn how many findings are unreviewed and publish anyway when confirmed', async () => {
    const root = await render('strategist', []);
    expect(find(root, 'versions-empty')).not.toBeNull();

    find(root, 'version-publish')!.click();
    await stable();

    expect(dialogs[0].message).toContain('2 findings are still unreviewed');
    http.expectOne({ method: 'POST', url: versionsUrl }).flush(aMapVersion({ id: 'version-1', number: 1, unreviewed: 2 }));
    await stable();
    http.expectOne((request) => request.url === versionsUrl && request.method === 'GET').flush(aPage([aMapVersion({ unreviewed: 2 })]));
    http.expectOne((request) => request.url === mapUrl && request.method === 'GET').flush(map);
    await stable();

    expect(text(root, 'version-published')).toBe('Version 1 published. It has 2 unreviewed findings.');
    expect(findAll(root, 'version-row').map((row) => row.getAttribute('data-version-number'))).toEqual(['1']);
  });

  it('should compare the newest version with the working map and group the changes by stage and lane', async () => {
    const root = await render('strategist');

    find(root, 'diff-run')!.click();
    await stable();
    const request = http.expectOne((candidate) => candidate.url === `${mapUrl}/diff`);
    expect(request.request.params.get('from')).toBe('version-2');
    expect(request.request.params.has('to')).toBe(false);
    request.flush(
      aMapDiff({
        from: { kind: 'version', id: 'version-2', number: 2 },
        added: [{ key: 'a', lane: 'pains', stageId: 'stage-2', text: 'Card terminal fails' }],
        removed: [{ key: 'b', lane: 'gains', stageId: 'stage-1', text: 'Free samples' }],
        changed: [{ key: 'c', lane: 'pains', stageId: 'stage-2', before: 'Queue', after: 'Long queue' }],
        emotion: [{ stageId: 'stage-2', before: -0.5, after: 0.25 }],
        kpis: [
          { stageId: 'stage-1', kpi: 'L', before: 100, after: 150 },
          { stageId: 'stage-1', kpi: 'conversion', before: 0.4, after: 0.45 },
        ],
      }),
    );
    await stable();

    expect(findAll(root, 'diff-stage').map((stage) => stage.getAttribute('data-stage-id'))).toEqual(['stage-1', 'stage-2']);
    expect(text(find(root, 'diff-added')!, 'diff-text')).toBe('Card terminal fails');
    expect(text(find(root, 'diff-removed')!, 'diff-text')).toBe('Free samples');
    expect(text(root, 'diff-before')).toBe('Queue');
    expect(text(root, 'diff-after')).toBe('Long queue');
    expect(text(root, 'diff-emotion-delta')).toBe('+0.75');
    expect(findAll(root, 'diff-kpi').map((row) => text(row, 'diff-kpi-delta'))).toEqual(['+50', '+5 %']);
    expect(text(root, 'diff-summary')).toBe('Since version 2: 1 added, 1 removed, 1 changed — in the working map.');
  });

  it('should compare two versions when the second is chosen', async () => {
    const root = await render('moderator');

    (root.querySelector('[data-testid="diff-to"] .mat-mdc-select-trigger') as HTMLElement).click();
    await stable();
    (Array.from(document.querySelectorAll('mat-option')).find((option) => option.textContent?.trim() === 'Version 1') as HTMLElement).click();
    await stable();
    find(root, 'diff-run')!.click();
    await stable();

    const request = http.expectOne((candidate) => candidate.url === `${mapUrl}/diff`);
    expect(request.request.params.get('from')).toBe('version-2');
    expect(request.request.params.get('to')).toBe('version-1');
    request.flush(aMapDiff({ from: { kind: 'version', id: 'version-2', number: 2 }, to: { kind: 'version', id: 'version-1', number: 1 } }));
    await stable();

    expect(find(root, 'diff-empty')).not.toBeNull();
    expect(text(root, 'diff-summary')).toContain('in version 1.');
  });

  it('should show the error when the diff is refused', async () => {
    const root = await render('moderator');

    find(findAll(root, 'version-row')[1], 'version-compare')!.click();
    await stable();
    http
      .expectOne((candidate) => candidate.url === `${mapUrl}/diff` && candidate.params.get('from') === 'version-1')
      .flush({ statusCode: 404, error: 'Not Found', message: 'No such version' }, { status: 404, statusText: 'Not Found' });
    await stable();

    expect(find(root, 'error-banner')).not.toBeNull();
    expect(find(root, 'diff-added')).toBeNull();
  });
});
