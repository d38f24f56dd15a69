import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page, Response } from 'playwright-core';
import { api, uploadFile, uploadTranscript } from './support/api';
import { launchBrowser, newUser, uniqueEmail } from './support/browser';
import { startServer, stopServer } from './support/server-process.cjs';
import type { ServerProcess } from './support/server-process.cjs';
import { eventually } from './support/wait';

/**
 * Stored XSS: four classic payloads go into every text a user can enter or import —
 * through the API, the public survey link, a VTT file (cue text and `<v Name>` voices) and
 * an uploaded file's name — and every view is rendered in Chromium. Nothing may run (no
 * `window.__x`, no dialog), the payload shows as text where it is rendered, and every HTML
 * document comes with a Content-Security-Policy header.
 *
 * Its own server, so that the owner is that instance's first user.
 */
const PAYLOADS = ['<script>window.__x=1</script>', '<img src=x onerror=__x=1>', '<svg onload=__x=1>', 'javascript:__x=1'] as const;
/** All four in one text: each field below carries every payload. */
const ALL = PAYLOADS.join(' ');
const [SCRIPT, IMG, SVG, JS] = PAYLOADS;
const label = (name: string) => `${ALL} ${name}`;

/** The same text with `<`, `>` and `&` as character references, as a VTT file must write them in cue text. */
const vttEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A Google Forms export; its file name carries payloads. */
const IMPORT_CSV = '"Отметка времени","Вопрос"\n"12.03.2024 10:15:00","Ответ"\n';

interface Seeded {
  projectId: string;
  surveyId: string;
  surveyToken: string;
  sessionId: string;
  clusterId: string;
}

describe('Security: stored XSS', () => {
  let browser: Browser;
  let server: ServerProcess;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer({ env: { TROPA_AUTH_RATE_LIMIT: '100' } })]);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
  }, 30_000);

  const owner = { email: uniqueEmail('xss-owner'), password: 'owner-password-1', name: 'Olga Owner' };
  const answers = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'synthesis-answers.ru.json'), 'utf8')) as string[];

  async function seed(page: Page): Promise<Seeded> {
    const ok = (status: number) => expect(status).toBeLessThan(300);
    const project = await api<{ id: string }>(page, 'POST', '/api/projects', { name: label('Проект'), description: label('Описание'), language: 'ru', stageTemplate: 'seven' });
    ok(project.status);
    const projectId = project.body.id;
    const base = `/api/projects/${projectId}`;
    const stages = (await api<{ items: Array<{ id: string }> }>(page, 'GET', `${base}/stages`)).body.items;
    ok((await api(page, 'PATCH', `${base}/stages/${stages[4].id}`, { name: label('Покупка'), description: label('Этап') })).status);
    const persona = await api<{ id: string }>(page, 'POST', `${base}/personas`, { name: label('Персона'), description: label('Описание персоны') });
    ok(persona.status);
    ok((await api(page, 'POST', `${base}/touchpoints`, { name: label('Сайт'), channel: 'site', online: true, ownerDepartment: label('Отдел'), stageIds: [stages[4].id] })).status);

    // A survey whose titles and choices carry the payloads, answered through the public link.
    const definition = {
      pages: [
        {
          name: 'p1',
          elements: [
            { type: 'comment', name: 'story', title: label('Расскажите о заказе'), isRequired: true },
            { type: 'radiogroup', name: 'channel', title: label('Канал'), choices: [{ value: 'a', text: label('Вариант') }, { value: 'b', text: 'Другое' }] },
          ],
        },
      ],
    };
    const survey = await api<{ id: string }>(page, 'POST', `${base}/surveys`, { title: label('Опрос'), definition });
    ok(survey.status);
    const surveyId = survey.body.id;
    ok((await api(page, 'PUT', `${base}/surveys/${surveyId}/mappings`, { mappings: [{ questionName: 'story', stageId: stages[4].id, touchpointId: null, personaAttribute: null, metric: null, jtbdPrompt: true }] })).status);
    const surveyToken = (await api<{ publicToken: string }>(page, 'PATCH', `${base}/surveys/${surveyId}`, { status: 'open' })).body.publicToken;
    for (const [index, story] of answers.entries()) {
      const text = index < PAYLOADS.length ? `${PAYLOADS[index]} ${story} ${ALL}` : story;
      const submitted = await api(page, 'POST', `/api/public/surveys/${surveyToken}/responses`, { respondentKey: `e2e-xss-${String(index).padStart(3, '0')}`, answers: { story: text, channel: index % 2 ? 'a' : 'b' } });
      expect(submitted.status).toBe(201);
    }
    // An uploaded file whose name is a payload.
    expect(await uploadFile(page, `${base}/surveys/${surveyId}/imports`, `${IMG}.csv`, IMPORT_CSV, 'text/csv')).toBe(201);

    // A session with a participant and a VTT whose voices and cues carry the payloads.
    const session = await api<{ id: string }>(page, 'POST', `${base}/sessions`, { kind: 'interview', title: label('Интервью'), notes: label('Заметки') });
    ok(session.status);
    const sessionId = session.body.id;
    const participant = await api<{ id: string }>(page, 'POST', `${base}/sessions/${sessionId}/participants`, { pseudonym: IMG, personaId: persona.body.id, consent: true });
    ok(participant.status);
    const vtt = [
      'WEBVTT',
      '',
      '00:00:01.000 --> 00:00:05.000',
      `<v ${vttEscape(SVG)}>${vttEscape(ALL)} Расскажите, как вы выбираете крем.`,
      '',
      '00:00:06.000 --> 00:00:12.000',
      `<v ${vttEscape(SCRIPT)}>${vttEscape(ALL)} Я заказываю тот же крем, когда он заканчивается. <script>window.__x=1</script>`,
      '',
      '00:00:13.000 --> 00:00:18.000',
      `<v ${vttEscape(JS)}>${vttEscape(JS)} Курьер опоздал на два часа, коробка была помята.`,
      '',
    ].join('\n');
    const plan = { speakers: [{ speaker: SVG, moderator: true }], redactions: [], names: [] };
    expect(await uploadTranscript(page, projectId, sessionId, `${SVG}.vtt`, vtt, plan)).toBe(201);

    // Tags, and quotes of every utterance tagged with them.
    const tag = await api<{ id: string }>(page, 'POST', `${base}/tags`, { kind: 'pain', name: label('Боль'), description: label('Описание тега') });
    ok(tag.status);
    const utterances = (await api<{ items: Array<{ id: string; text: string }> }>(page, 'GET', `${base}/sessions/${sessionId}/utterances`)).body.items;
    expect(utterances.length).toBeGreaterThanOrEqual(3);
    for (const utterance of utterances) {
      ok((await api(page, 'POST', `${base}/quotes`, { utteranceId: utterance.id, start: 0, end: utterance.text.length, tagIds: [tag.body.id] })).status);
    }

    // A synthesis run; a cluster renamed with the payloads.
    const run = await api<{ id: string }>(page, 'POST', `${base}/synthesis/runs`, {});
    ok(run.status);
    await eventually(async () => (await api<{ status: string }>(page, 'GET', `${base}/synthesis/runs/${run.body.id}`)).body.status, (status) => status === 'succeeded', 60_000);
    const clusters = (await api<{ items: Array<{ id: string; kind: string }> }>(page, 'GET', `${base}/synthesis/runs/${run.body.id}/clusters?pageSize=100`)).body.items;
    // A job shows its statement; another cluster only its label.
    const cluster = clusters.find((c) => c.kind === 'job') ?? clusters[0];
    ok((await api(page, 'PATCH', `${base}/synthesis/clusters/${cluster.id}`, { label: label('Кластер'), statement: label('Утверждение') })).status);
    const other = clusters.find((c) => c.id !== cluster.id);
    if (other) ok((await api(page, 'PATCH', `${base}/synthesis/clusters/${other.id}`, { label: label('Тема') })).status);

    // The map: an edited finding with a comment, a note, a recommendation, a published version.
    const map = (await api<{ findings: Array<{ id: string }> }>(page, 'GET', `${base}/map`)).body;
    expect(map.findings.length).toBeGreaterThan(0);
    const finding = map.findings[0];
    ok((await api(page, 'POST', `${base}/map/findings/${finding.id}/review`, { decision: 'edit', text: label('Находка') })).status);
    ok((await api(page, 'POST', `${base}/map/findings/${finding.id}/comments`, { text: label('Комментарий') })).status);
    ok((await api(page, 'POST', `${base}/map/notes`, { stageId: stages[4].id, lane: 'pains', text: label('Заметка') })).status);
    ok((await api(page, 'POST', `${base}/map/recommendations`, { text: label('Рекомендация'), expectedEffect: label('Эффект'), findingIds: [finding.id], stageId: stages[4].id, impact: 4, effort: 2 })).status);
    ok((await api(page, 'POST', `${base}/map/versions`)).status);
    return { projectId, surveyId, surveyToken, sessionId, clusterId: cluster.id };
  }

  it('should render every user text as text in every view, with a CSP on every page', async () => {
    const { context, page } = await newUser(browser, 'en-US', { baseURL: server.baseUrl });
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto('/register');
    await page.getByTestId('register-email').fill(owner.email);
    await page.getByTestId('register-display-name').fill(owner.name);
    await page.getByTestId('register-password').fill(owner.password);
    await page.getByTestId('register-submit').click();
    await page.waitForURL(/\/projects$/);
    const seeded = await seed(page);
    const p = `/projects/${seeded.projectId}`;

    /**
     * Every view by URL (a fresh document load each, so each brings its own headers), then an
     * optional action. `texts` must show verbatim; `min`: how many times each payload must show verbatim in the page's
     * visible text (the project's name in the header is one).
     */
    const views: Array<{ url: string; min: number; texts?: string[]; then?: () => Promise<void> }> = [
      { url: '/projects', min: 2 },
      { url: `${p}/general`, min: 1 },
      { url: `${p}/stages`, min: 2 },
      { url: `${p}/personas`, min: 3, texts: [label('Персона'), label('Описание персоны')] },
      { url: `${p}/touchpoints`, min: 3, texts: [label('Сайт'), label('Отдел')] },
      { url: `${p}/members`, min: 1 },
      { url: `${p}/surveys`, min: 2 },
      { url: `${p}/surveys/${seeded.surveyId}/builder`, min: 3 },
      { url: `${p}/surveys/${seeded.surveyId}/mapping`, min: 3 },
      { url: `${p}/surveys/${seeded.surveyId}/distribution`, min: 2 },
      { url: `${p}/surveys/${seeded.surveyId}/responses`, min: 5 },
      { url: `${p}/surveys/${seeded.surveyId}/summary`, min: 3 },
      {
        url: `${p}/surveys/${seeded.surveyId}/import`,
        min: 2,
        // The upload wizard shows the chosen file's name (a file name cannot hold "/", so no </script>).
        then: async () => {
          await page.getByTestId('import-file').setInputFiles({ name: `${IMG}${SVG} ${JS}.csv`, mimeType: 'text/csv', buffer: Buffer.from(IMPORT_CSV) });
          await page.getByTestId('import-file-name').getByText(`${IMG}${SVG} ${JS}.csv`).waitFor();
        },
      },
      { url: `/s/${seeded.surveyToken}`, min: 3, texts: [label('Расскажите о заказе'), label('Вариант')] },
      { url: `${p}/sessions`, min: 2 },
      { url: `${p}/sessions/${seeded.sessionId}`, min: 5, texts: [label('Заметки'), `${JS} Курьер опоздал`] },
      { url: `${p}/quotes`, min: 10 },
      { url: `${p}/codebook`, min: 3, texts: [label('Боль'), label('Описание тега')] },
      { url: `${p}/synthesis`, min: 1 },
      { url: `${p}/synthesis/runs`, min: 1 },
      { url: `${p}/synthesis/jobs`, min: 1 },
      { url: `${p}/synthesis/clusters/${seeded.clusterId}`, min: 5, texts: [label('Кластер'), label('Утверждение')] },
      {
        url: `${p}/journey`,
        min: 10,
        then: async () => {
          await page.locator('[data-testid="finding-card"] button.open').first().click();
          await page.getByTestId('evidence-drawer').getByText(IMG).first().waitFor();
        },
      },
      { url: `${p}/journey/kpis`, min: 2 },
      { url: `${p}/journey/recommendations`, min: 3, texts: [label('Рекомендация')] },
      { url: `${p}/journey/versions`, min: 1 },
      { url: `${p}/audit`, min: 2 },
    ];

    const missingCsp: string[] = [];
    for (const view of views) {
      const response: Response | null = await page.goto(view.url);
      const csp = response?.headers()['content-security-policy'] ?? '';
      if (!/script-src/.test(csp)) missingCsp.push(view.url);
      await page.waitForLoadState('networkidle');
      await page.getByText(SVG).first().waitFor();
      for (const text of view.texts ?? []) await page.getByText(text).first().waitFor();
      if (view.then) await view.then();
      await page.waitForTimeout(100);
      const state = await page.evaluate((payloads) => {
        const text = document.body.innerText;
        return {
          ran: (window as unknown as { __x?: unknown }).__x,
          shown: payloads.map((payload) => text.split(payload).length - 1),
          // Elements the payloads would have created, had they been parsed as HTML.
          injected: document.querySelectorAll('img[src="x"], [onerror], [onload], a[href^="javascript:"], [src^="javascript:"]').length,
        };
      }, [...PAYLOADS]);
      expect({ view: view.url, ran: state.ran, injected: state.injected, dialogs, errors }).toEqual({ view: view.url, ran: undefined, injected: 0, dialogs: [], errors: [] });
      expect({ view: view.url, shownEnough: state.shown.every((n) => n >= view.min) ? true : state.shown }).toEqual({ view: view.url, shownEnough: true });
    }
    expect(missingCsp).toEqual([]);
    await context.close();
  }, 120_000);
});
