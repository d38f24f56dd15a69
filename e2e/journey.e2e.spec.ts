import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { api, uploadFile, uploadTranscript } from './support/api';
import { launchBrowser, newUser, uniqueEmail } from './support/browser';
import { startServer, stopServer } from './support/server-process.cjs';
import type { ServerProcess } from './support/server-process.cjs';
import { eventually, textOf, textsOf } from './support/wait';

/**
 * The strategist's journey on the map: a project with a focus group (one participant of
 * a persona, passages tagged as pains), 40 open survey answers mapped to a stage, an events
 * file and a finished synthesis run. The strategist filters by the persona, opens the
 * evidence of a pain, rejects a finding, adds a recommendation on conversion at a stage,
 * moves a what-if slider, publishes version 1, re-assembles after a new answer and sees
 * the diff, and downloads PNG, PDF, CSV and Markdown exports.
 */
describe('Journey map', () => {
  let browser: Browser;
  let server: ServerProcess;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer({ env: { TROPA_AUTH_RATE_LIMIT: '100' } })]);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
  }, 30_000);

  const owner = { email: uniqueEmail('owner'), password: 'owner-password-1', name: 'Olga Owner' };
  const strategist = { email: uniqueEmail('strategist'), password: 'strategist-password-1', name: 'Stas Strategist' };
  const answers = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'synthesis-answers.ru.json'), 'utf8')) as string[];
  const transcript = readFileSync(join(__dirname, 'fixtures', 'focus-group.ru.vtt'), 'utf8');

  async function logIn(page: Page, who: { email: string; password: string }): Promise<void> {
    await page.goto('/login');
    await page.getByTestId('login-email').fill(who.email);
    await page.getByTestId('login-password').fill(who.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/projects$/);
  }

  async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; body: Buffer }> {
    const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void];
    const path = await download.path();
    return { name: download.suggestedFilename(), body: readFileSync(path) };
  }

  /** The owner builds the evidence through the API (what this test is not about). */
  async function seed(page: Page): Promise<{ projectId: string; stages: Array<{ id: string; name: string }>; surveyToken: string }> {
    const project = (await api<{ id: string }>(page, 'POST', '/api/projects', { name: 'Косметика онлайн', language: 'ru', stageTemplate: 'seven' })).body;
    const projectId = project.id;
    const base = `/api/projects/${projectId}`;
    expect((await api(page, 'POST', `${base}/members`, { email: strategist.email, role: 'strategist', password: strategist.password, displayName: strategist.name })).status).toBe(201);
    const stages = (await api<{ items: Array<{ id: string; name: string }> }>(page, 'GET', `${base}/stages`)).body.items;
    const persona = (await api<{ id: string }>(page, 'POST', `${base}/personas`, { name: 'Занятая мама', description: 'Покупает между делами' })).body;

    // A focus group: Anna is the persona; three of her and Oleg's passages are pains at Purchase.
    const session = (await api<{ id: string }>(page, 'POST', `${base}/sessions`, { kind: 'focus_group', title: 'Покупатели' })).body;
    const anna = (await api<{ id: string }>(page, 'POST', `${base}/sessions/${session.id}/participants`, { pseudonym: 'П-1', personaId: persona.id, consent: true })).body;
    const plan = { speakers: [{ speaker: 'Анна Петрова', participantId: anna.id }, { speaker: 'Модератор', moderator: true }], redactions: [], names: [] };
    expect(await uploadTranscript(page, projectId, session.id, 'group.vtt', transcript, plan)).toBe(201);
    const tags = (await api<{ items: Array<{ id: string; name: string; kind: string; stageId: string | null }> }>(page, 'GET', `${base}/tags?pageSize=100`)).body.items;
    const pain = tags.find((t) => t.kind === 'pain')!;
    const purchase = tags.find((t) => t.stageId === stages[4].id)!;
    const utterances = (await api<{ items: Array<{ id: string; text: string; participantId: string | null }> }>(page, 'GET', `${base}/sessions/${session.id}/utterances`)).body.items;
    for (const utterance of utterances.filter((u) => !u.text.startsWith('Добрый') && !u.text.startsWith('Спасибо')).slice(0, 3)) {
      expect((await api(page, 'POST', `${base}/quotes`, { utteranceId: utterance.id, start: 0, end: utterance.text.length, tagIds: [pain.id, purchase.id] })).status).toBe(201);
    }

    // 40 open answers, mapped to Purchase.
    const definition = { pages: [{ name: 'p1', elements: [{ type: 'comment', name: 'story', title: 'Расскажите о последнем заказе', isRequired: true }] }] };
    const survey = (await api<{ id: string }>(page, 'POST', `${base}/surveys`, { title: 'Опрос о заказах', definition })).body;
    await api(page, 'PUT', `${base}/surveys/${survey.id}/mappings`, {
      mappings: [{ questionName: 'story', stageId: stages[4].id, touchpointId: null, personaAttribute: null, metric: null, jtbdPrompt: true }],
    });
    const surveyToken = (await api<{ publicToken: string }>(page, 'PATCH', `${base}/surveys/${survey.id}`, { status: 'open' })).body.publicToken;
    for (const [index, story] of answers.entries()) {
      expect((await api(page, 'POST', `/api/public/surveys/${surveyToken}/responses`, { respondentKey: `e2e-journey-${index}`, answers: { story } })).status).toBe(201);
    }

    // Events: 30 customers become aware, 15 consider, 6 buy.
    const rows = ['customer_id,stage,timestamp,amount'];
    for (let c = 0; c < 30; c++) {
      rows.push(`c${c},${stages[0].name},2026-03-01 10:00:00,`);
      if (c < 15) rows.push(`c${c},${stages[2].name},2026-03-02 10:00:00,`);
      if (c < 6) rows.push(`c${c},${stages[4].name},2026-03-03 10:00:00,2500`);
    }
    expect(await uploadFile(page, `${base}/metrics/events`, 'events.csv', rows.join('\n'), 'text/csv')).toBe(200);

    const run = (await api<{ id: string }>(page, 'POST', `${base}/synthesis/runs`, {})).body;
    await eventually(async () => (await api<{ status: string }>(page, 'GET', `${base}/synthesis/runs/${run.id}`)).body.status, (status) => status === 'succeeded', 60_000);
    return { projectId, stages, surveyToken };
  }

  it('should let a strategist review the map with its evidence, act on it and publish it', async () => {
    const ownerSession = await newUser(browser, 'en-US', { baseURL: server.baseUrl });
    await ownerSession.page.goto('/register');
    await ownerSession.page.getByTestId('register-email').fill(owner.email);
    await ownerSession.page.getByTestId('register-display-name').fill(owner.name);
    await ownerSession.page.getByTestId('register-password').fill(owner.password);
    await ownerSession.page.getByTestId('register-submit').click();
    await ownerSession.page.waitForURL(/\/projects$/);
    const { projectId, stages, surveyToken } = await seed(ownerSession.page);
    await ownerSession.context.close();

    const { context, page } = await newUser(browser, 'en-US', { baseURL: server.baseUrl });
    await logIn(page, strategist);
    await page.goto(`/projects/${projectId}/stages`);
    await page.getByTestId('tab-journey').click();
    await page.waitForURL(/\/journey$/);
    await page.getByTestId('journey-grid').waitFor();
    expect(await textsOf(page.getByTestId('journey-stage'), (texts) => texts.length === 7)).toEqual(stages.map((s) => expect.stringContaining(s.name)));
    const allCards = await eventually(() => page.getByTestId('finding-card').count(), (n) => n > 3);

    // --- Filter by the persona: only what Anna's passages support.
    await page.selectOption('[data-testid="journey-persona"]', { label: 'Занятая мама' });
    await eventually(() => page.getByTestId('finding-card').count(), (n) => n > 0 && n < allCards);
    await page.selectOption('[data-testid="journey-persona"]', { index: 0 });
    await eventually(() => page.getByTestId('finding-card').count(), (n) => n === allCards);

    // --- Compare personas: feelings were heard at one stage only, so each emotion line (everyone, Anna) is one point, drawn as a dot.
    await page.getByTestId('journey-compare').locator('button').click();
    await eventually(() => page.getByTestId('emotion-series-row').count(), (n) => n === 2);
    const dots = page.locator('[data-testid="emotion-chart"] path.line[d$="Z"]');
    await eventually(() => dots.count(), (n) => n === 2);
    expect(await dots.evaluateAll((paths) => paths.map((path) => [getComputedStyle(path).strokeWidth, getComputedStyle(path).strokeLinecap]))).toEqual([
      ['10px', 'round'],
      ['10px', 'round'],
    ]);
    await page.getByTestId('journey-compare').locator('button').click();
    await eventually(() => page.getByTestId('emotion-series-row').count(), (n) => n === 1);

    // --- The evidence of a pain point.
    const painCard = page.locator('[data-testid="finding-card"][data-lane="pains"]').first();
    await painCard.locator('button.open').click();
    const drawer = page.getByTestId('evidence-drawer');
    await drawer.waitFor();
    const quotes = await textsOf(drawer.getByTestId('evidence-quote-text'), (texts) => texts.length > 0);
    expect(quotes.join(' ').length).toBeGreaterThan(10);

    // --- Reject one finding with a reason.
    await drawer.getByTestId('finding-reject').click();
    await drawer.getByTestId('finding-reject-reason').fill('Один человек, нужно больше данных');
    await drawer.getByTestId('finding-reject-confirm').click();
    const painId = await painCard.getAttribute('data-finding-id');
    await eventually(() => page.locator(`[data-testid="finding-card"][data-finding-id="${painId}"]`).getAttribute('data-status'), (status) => status === 'rejected');
    await page.keyboard.press('Escape');

    // --- A recommendation on conversion at Consideration.
    await page.getByTestId('journey-nav-recommendations').click();
    await page.getByTestId('recommendation-new').click();
    await page.getByTestId('recommendation-text').fill('Показывать отзывы о доставке на этапе рассмотрения');
    await page.getByTestId('recommendation-stage').click();
    await page.getByRole('option', { name: stages[2].name, exact: true }).click();
    await page.getByTestId('recommendation-kpi').click();
    await page.getByRole('option', { name: /^C/ }).click();
    await page.getByTestId('recommendation-effect').fill('+5 % конверсии');
    await page.getByTestId('recommendation-save').click();
    const recommendation = page.getByTestId('recommendation-row').first();
    expect(await textOf(recommendation.getByTestId('recommendation-row-target'))).toContain(stages[2].name);

    // --- What-if: more conversion at Awareness → more revenue.
    await page.goto(`/projects/${projectId}/journey/kpis`);
    const current = await textOf(page.getByTestId('revenue-current'));
    await page.locator(`[data-testid="whatif-slider"][data-stage-id="${stages[0].id}"]`).fill('80');
    const after = await textOf(page.getByTestId('revenue-new'));
    expect(after).not.toBe(current);
    expect(await textOf(page.getByTestId('revenue-delta'))).toContain('+');

    // --- Publish version 1.
    await page.goto(`/projects/${projectId}/journey/versions`);
    await page.getByTestId('version-publish').click();
    await page.getByTestId('confirm-ok').click();
    await page.locator('[data-testid="version-row"][data-version-number="1"]').waitFor();

    // --- A new answer arrives; re-assemble; the diff against version 1 shows the change.
    expect((await api(page, 'POST', `/api/public/surveys/${surveyToken}/responses`, { respondentKey: 'e2e-journey-late', answers: { story: 'Курьер опоздал и не позвонил, доставка ужасная.' } })).status).toBe(201);
    await page.goto(`/projects/${projectId}/journey`);
    await page.getByTestId('journey-assemble').click();
    await page.getByTestId('journey-notice').waitFor();
    await page.getByTestId('journey-nav-versions').click();
    await page.getByTestId('diff-run').click();
    await eventually(async () => (await page.getByTestId('diff-added').count()) + (await page.getByTestId('diff-changed').count()), (n) => n > 0);

    // --- Exports, each with content.
    await page.goto(`/projects/${projectId}/journey`);
    await page.getByTestId('journey-grid').waitFor();
    const csv = await downloaded(page, () => page.getByTestId('export-csv').click());
    expect(csv.body.toString('utf8')).toContain('stage,lane,finding,status,strength');
    expect(csv.body.toString('utf8')).toContain(stages[4].name);
    const md = await downloaded(page, () => page.getByTestId('export-md').click());
    expect(md.body.toString('utf8')).toMatch(/^# Карта пути клиента/);
    expect(md.body.toString('utf8')).toContain('Показывать отзывы о доставке');
    const pdf = await downloaded(page, () => page.getByTestId('export-pdf').click());
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.body.length).toBeGreaterThan(5000);
    const png = await downloaded(page, () => page.getByTestId('export-png').click());
    expect(png.name).toBe('journey-map.png');
    expect(png.body.subarray(1, 4).toString()).toBe('PNG');
    expect(png.body.readUInt32BE(16)).toBeGreaterThan(800); // width from the IHDR chunk

    await context.close();
  }, 240_000);
});
