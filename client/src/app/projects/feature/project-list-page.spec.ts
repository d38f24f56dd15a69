import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { computed, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Router, provideRouter } from '@angular/router';
import type { ProjectResponse } from '@tropa/contracts';
import { AuthStore } from '../../auth/data-access/auth-store';
import { I18n } from '../../core/i18n/i18n';
import { aPage, aProject, anApiError } from '../../testing/factories';
import type { DemoProjectResponse } from '../data-access/demo-project';
import { ProjectListPage } from './project-list-page';

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
let stable: () => Promise<void>;

function aDemo(): DemoProjectResponse {
  return {
    project: aProject({ id: 'demo-1', name: 'Онлайн-магазин косметики (демо)' }),
    users: [
      { role: 'researcher', email: 'demo-researcher-ab@tropa.example.com', displayName: 'R', password: 'pw-researcher-123' },
      { role: 'moderator', email: 'demo-moderator-ab@tropa.example.com', displayName: 'M', password: 'pw-moderator-123' },
      { role: 'strategist', email: 'demo-strategist-ab@tropa.example.com', displayName: 'S', password: 'pw-strategist-123' },
    ],
    volumes: { responses: 320 },
    durationMs: 15_000,
  };
}

describe('ProjectListPage', () => {
  let http: HttpTestingController;

  async function render(projects: ProjectResponse[], canCreateProjects = true): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideNoopAnimations(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: AuthStore, useValue: { canCreateProjects: computed(() => canCreateProjects) } },
      ],
    });
    TestBed.inject(I18n).setLocale('en');
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ProjectListPage);
    http.expectOne((request) => request.url === '/api/projects').flush(aPage(projects));
    stable = async () => {
      await settle();
      await fixture.whenStable();
    };
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const byTestId = (root: ParentNode, testId: string): HTMLElement | null => root.querySelector<HTMLElement>(`[data-testid="${testId}"]`);

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((element) => (element.innerHTML = ''));
    TestBed.resetTestingModule();
  });

  it('should offer the demo project on the empty list when the user may create projects', async () => {
    const root = await render([]);

    expect(byTestId(root, 'create-demo')?.textContent?.trim()).toBe('Create demo project');
    expect(byTestId(root, 'create-demo-secondary')).toBeNull();
  });

  it('should not offer the demo when the user may not create projects', async () => {
    const root = await render([], false);

    expect(byTestId(root, 'create-demo')).toBeNull();
    expect(byTestId(root, 'create-demo-secondary')).toBeNull();
  });

  it('should offer a less prominent demo button when projects exist', async () => {
    const root = await render([aProject()]);

    expect(byTestId(root, 'create-demo')).toBeNull();
    expect(byTestId(root, 'create-demo-secondary')?.textContent?.trim()).toBe('Create demo project');
  });

  it('should create the demo, show each account with its password once, and open the journey map when closed', async () => {
    const root = await render([]);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);

    byTestId(root, 'create-demo')?.click();
    await settle();
    const request = http.expectOne('/api/projects/demo');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ roleUsers: true });
    request.flush(aDemo());
    await stable();

    const dialog = byTestId(document, 'demo-users') as HTMLElement;
    expect(byTestId(dialog, 'demo-user-moderator')?.textContent).toContain('pw-moderator-123');
    expect(dialog.querySelectorAll('tbody tr')).toHaveLength(3);
    expect(navigate).not.toHaveBeenCalled();

    byTestId(document, 'demo-open')?.click();
    await stable();
    await stable();
    expect(navigate).toHaveBeenCalledWith(['/projects', 'demo-1', 'journey']);
  });

  it('should show the error and keep the list when creating the demo fails', async () => {
    const root = await render([]);

    byTestId(root, 'create-demo')?.click();
    await settle();
    http.expectOne('/api/projects/demo').flush(anApiError({ statusCode: 403, message: 'Your account may not create projects' }), { status: 403, statusText: 'Forbidden' });
    await stable();

    expect(root.textContent).toContain('Your role does not allow this.');
    expect(byTestId(document, 'demo-users')).toBeNull();
  });
});
