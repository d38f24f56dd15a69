import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { api, uploadTranscript } from './support/api';
import { launchBrowser, newUser, uniqueEmail } from './support/browser';
import { startServer, stopServer } from './support/server-process.cjs';
import type { ServerProcess } from './support/server-process.cjs';
import { eventually, textOf } from './support/wait';

/**
 * The synthesis journey: a project with a focus-group transcript (highlighted) and open
 * survey answers; a researcher starts a run and watches it reach 100 %, renames and accepts
 * a job, merges two themes, accepts a touchpoint customers mention that the inventory lacks,
 * runs again on the same evidence, and finds the accepted job with its name and statement.
 *
 * Its own server, so that the researcher is that instance's first user.
 */
describe('Synthesis', () => {
  let browser: Browser;
  let server: ServerProcess;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer({ env: { TROPA_AUTH_RATE_LIMIT: '100' } })]);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
  }, 30_000);

  const researcher = { email: uniqueEmail('researcher'), password: 'researcher-password-1', name: 'Rita Researcher' };
  const answers = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'synthesis-answers.ru.json'), 'utf8')) as string[];
  const transcript = readFileSync(join(__dirname, 'fixtures', 'focus-group.ru.vtt'), 'utf8');

  /** The evidence: a highlighted focus group and 40 open survey answers. */
  async function seedEvidence(page: Page, projectId: string): Promise<void> {
    expect((await api(page, 'POST', `/api/projects/${projectId}/touchpoints`, { name: 'Сайт', channel: 'site', online: true })).status).toBe(201);
    const session = await api<{ id: string }>(page, 'POST', `/api/projects/${projectId}/sessions`, { kind: 'focus_group', title: 'Покупатели кофе' });
    expect(await uploadTranscript(page, projectId, session.body.id, 'group.vtt', transcript, { speakers: [], redactions: [], names: [] })).toBe(201);
    const utterances = await api<{ items: Array<{ id: string; text: string }> }>(page, 'GET', `/api/projects/${projectId}/sessions/${session.body.id}/utterances`);
    for (const utterance of utterances.body.items.slice(0, 4)) {
      const quote = await api(page, 'POST', `/api/projects/${projectId}/quotes`, { utteranceId: utterance.id, start: 0, end: utterance.text.length });
      expect(quote.status).toBe(201);
    }
    const definition = { pages: [{ name: 'p1', elements: [{ type: 'comment', name: 'story', title: 'Расскажите о последнем заказе', isRequired: true }] }] };
    const survey = await api<{ id: string }>(page, 'POST', `/api/projects/${projectId}/surveys`, { title: 'Опрос о заказах', definition });
    const opened = await api<{ publicToken: string }>(page, 'PATCH', `/api/projects/${projectId}/surveys/${survey.body.id}`, { status: 'open' });
    for (const [index, story] of answers.entries()) {
      const submitted = await api(page, 'POST', `/api/public/surveys/${opened.body.publicToken}/responses`, {
        respondentKey: `e2e-synthesis-${String(index).padStart(3, '0')}`,
        answers: { story },
      });
      expect(submitted.status).toBe(201);
    }
  }

  function cards(page: Page, kind: string): Locator {
    return page.locator(`[data-testid="cluster-card"][data-cluster-kind="${kind}"]`);
  }

  function card(page: Page, id: string): Locator {
    return page.locator(`[data-testid="cluster-card"][data-cluster-id="${id}"]`);
  }

  async function runFinished(page: Page, notRunId?: string): Promise<string> {
    const run = page.getByTestId('synthesis-run');
    await eventually(
      async () => ({ id: await run.getAttribute('data-run-id'), status: await run.getAttribute('data-status') }),
      (value) => value.status === 'succeeded' && value.id !== null && value.id !== notRunId,
      60_000,
    );
    expect(await page.getByTestId('synthesis-progress').getAttribute('data-progress')).toBe('100');
    expect(await textOf(page.getByTestId('synthesis-progress'))).toContain('100');
    return (await run.getAttribute('data-run-id')) ?? '';
  }

  it('should synthesise the evidence, keep people’s decisions, and carry them into the next run', async () => {
    const { context, page } = await newUser(browser, 'en-US', { baseURL: server.baseUrl });
    await page.goto('/register');
    await page.getByTestId('register-email').fill(researcher.email);
    await page.getByTestId('register-display-name').fill(researcher.name);
    await page.getByTestId('register-password').fill(researcher.password);
    await page.getByTestId('register-submit').click();
    await page.waitForURL(/\/projects$/);
    const project = await api<{ id: string }>(page, 'POST', '/api/projects', { name: 'Косметика онлайн', language: 'ru', stageTemplate: 'seven' });
    expect(project.status).toBe(201);
    const projectId = project.body.id;
    await seedEvidence(page, projectId);

    // --- Start a run from the Synthesis tab and watch it reach 100 %.
    await page.goto(`/projects/${projectId}/stages`);
    await page.getByTestId('tab-synthesis').click();
    await page.waitForURL(/\/synthesis$/);
    await page.getByTestId('synthesis-start').click();
    const firstRunId = await runFinished(page);
    await cards(page, 'job').first().waitFor();

    // --- Rename a job, edit its statement, accept it.
    const job = cards(page, 'job').first();
    const jobId = (await job.getAttribute('data-cluster-id')) ?? '';
    await job.getByTestId('cluster-rename').click();
    await job.getByTestId('cluster-label-input').fill('Повторить любимый заказ');
    await job.getByTestId('cluster-label-save').click();
    await eventually(() => textOf(card(page, jobId).getByTestId('cluster-label')), (text) => text === 'Повторить любимый заказ');
    await card(page, jobId).getByTestId('cluster-statement-edit').click();
    await card(page, jobId).getByTestId('cluster-statement-input').fill('Когда крем заканчивается, я хочу заказать его снова, чтобы не искать.');
    await card(page, jobId).getByTestId('cluster-statement-save').click();
    await eventually(() => textOf(card(page, jobId).getByTestId('cluster-statement')), (text) => text.includes('заказать его снова'));
    await card(page, jobId).getByTestId('cluster-accept').click();
    await eventually(() => card(page, jobId).getByTestId('cluster-status').getAttribute('data-status'), (status) => status === 'accepted');
    await card(page, jobId).getByTestId('cluster-in-jobs').waitFor();

    // --- Merge two themes: one card fewer, the survivor larger.
    await page.getByTestId('synthesis-kind-theme').click();
    await cards(page, 'theme').nth(1).waitFor();
    const themesBefore = await cards(page, 'theme').count();
    const survivor = cards(page, 'theme').nth(0);
    const survivorId = (await survivor.getAttribute('data-cluster-id')) ?? '';
    const sizeBefore = Number(await textOf(survivor.getByTestId('cluster-size')).then((text) => /\d+/.exec(text)?.[0]));
    const absorbedSize = Number(await textOf(cards(page, 'theme').nth(1).getByTestId('cluster-size')).then((text) => /\d+/.exec(text)?.[0]));
    await survivor.locator('[data-testid="cluster-select"] input').check();
    await cards(page, 'theme').nth(1).locator('[data-testid="cluster-select"] input').check();
    await page.getByTestId('cluster-merge').click();
    await page.getByTestId('confirm-ok').click();
    await eventually(() => cards(page, 'theme').count(), (count) => count === themesBefore - 1);
    await eventually(
      () => textOf(card(page, survivorId).getByTestId('cluster-size')).then((text) => Number(/\d+/.exec(text)?.[0])),
      (size) => size === sizeBefore + absorbedSize,
    );

    // --- Accept a touchpoint customers mention and the inventory lacks (Telegram).
    await page.getByTestId('synthesis-kind-touchpoint').click();
    const discovered = page
      .locator('[data-testid="cluster-card"][data-cluster-kind="touchpoint"]')
      .filter({ has: page.locator('[data-testid="cluster-touchpoint-origin"][data-discovered="true"]') });
    await discovered.first().waitFor();
    const touchpointId = (await discovered.first().getAttribute('data-cluster-id')) ?? '';
    const touchpointName = await textOf(card(page, touchpointId).getByTestId('cluster-label'));
    await card(page, touchpointId).getByTestId('cluster-accept').click();
    await eventually(() => card(page, touchpointId).getByTestId('cluster-status').getAttribute('data-status'), (status) => status === 'accepted');
    const inventory = await api<{ items: Array<{ name: string; origin: string }> }>(page, 'GET', `/api/projects/${projectId}/touchpoints?pageSize=100`);
    expect(inventory.body.items).toContainEqual(expect.objectContaining({ name: touchpointName, origin: 'discovered' }));

    // --- A second run: the accepted job keeps its name and statement.
    await page.getByTestId('synthesis-start').click();
    await runFinished(page, firstRunId);
    await page.getByTestId('synthesis-kind-job').click();
    const carried = cards(page, 'job').filter({ has: page.getByTestId('cluster-label').getByText('Повторить любимый заказ', { exact: true }) });
    await carried.waitFor();
    expect(await carried.getAttribute('data-cluster-id')).not.toBe(jobId);
    expect(await textOf(carried.getByTestId('cluster-statement'))).toContain('Когда крем заканчивается, я хочу заказать его снова');
    expect(await carried.getByTestId('cluster-status').getAttribute('data-status')).toBe('accepted');

    // The jobs-to-be-done list shows it once, with its evidence.
    await page.getByTestId('synthesis-nav-jobs').click();
    await page.getByTestId('job-card').first().waitFor();
    expect(await page.getByTestId('job-card').count()).toBe(1);
    expect(await textOf(page.getByTestId('job-title'))).toBe('Повторить любимый заказ');
    expect(await textOf(page.getByTestId('job-statement'))).toContain('заказать его снова');

    await context.close();
  }, 180_000);
});
