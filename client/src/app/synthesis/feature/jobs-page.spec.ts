import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { PersonaResponse, ProjectRole } from '@tropa/contracts';
import { I18n } from '../../core/i18n/i18n';
import { ProjectStore } from '../../projects/data-access/project-store';
import { aPage, aProject, aProjectJob, someStages } from '../../testing/factories';
import { JobsPage } from './jobs-page';

const projectUrl = '/api/projects/project-1';
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const persona: PersonaResponse = {
  id: 'persona-1',
  name: 'Commuter',
  description: '',
  goals: [],
  attributes: {},
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('JobsPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<JobsPage>;

  async function render(role: ProjectRole): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), provideRouter([]), ProjectStore],
    });
    TestBed.inject(I18n).setLocale('en');
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(ProjectStore).load('project-1');
    http.expectOne(projectUrl).flush(aProject({ myRole: role }));
    fixture = TestBed.createComponent(JobsPage);
    fixture.componentRef.setInput('projectId', 'project-1');
    await fixture.whenStable();
    http.expectOne((request) => request.url === `${projectUrl}/jtbd`).flush(aPage([aProjectJob({ personaIds: ['persona-1'] })]));
    http.expectOne((request) => request.url === `${projectUrl}/stages`).flush(aPage(someStages(['Discover'])));
    http.expectOne((request) => request.url === `${projectUrl}/personas`).flush(aPage([persona]));
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const find = (root: HTMLElement, testId: string): HTMLElement | null => root.querySelector(`[data-testid="${testId}"]`);
  const text = (root: HTMLElement, testId: string): string => find(root, testId)?.textContent?.trim() ?? '';

  afterEach(() => {
    http.verify();
    TestBed.resetTestingModule();
  });

  it('should list the job with its evidence, personas and links', async () => {
    const root = await render('moderator');

    expect(text(root, 'job-title')).toBe('Skip the queue');
    expect(text(root, 'job-quotes')).toBe('6 quotes');
    expect(text(root, 'job-personas')).toContain('Commuter');
    expect(find(root, 'job-open-quotes')?.getAttribute('href')).toBe('/job-1');
    expect(find(root, 'job-edit')).toBeNull();
  });

  it('should save an edited title and statement', async () => {
    const root = await render('researcher');

    find(root, 'job-edit')!.click();
    await fixture.whenStable();
    const title = find(root, 'job-title-input') as HTMLInputElement;
    title.value = 'Get coffee without waiting';
    title.dispatchEvent(new Event('input'));
    find(root, 'job-save')!.click();
    await fixture.whenStable();

    const patch = http.expectOne({ method: 'PATCH', url: `${projectUrl}/jtbd/job-1` });
    expect(patch.request.body).toEqual({ title: 'Get coffee without waiting' });
    patch.flush(aProjectJob({ title: 'Get coffee without waiting', personaIds: ['persona-1'] }));
    await settle();
    await fixture.whenStable();

    expect(text(root, 'job-title')).toBe('Get coffee without waiting');
  });
});
