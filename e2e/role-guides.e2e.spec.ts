import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { api } from './support/api';
import { selectPhrase } from './support/transcript';
import { launchBrowser, newUser, uniqueEmail } from './support/browser';
import { startServer, stopServer } from './support/server-process.cjs';
import type { ServerProcess } from './support/server-process.cjs';
import { eventually, textOf, textsOf } from './support/wait';

/**
 * The README's three role guides as journeys on the demo project, each signed in as
 * that role's demo account and driving the UI as a person would:
 * - the researcher checks the demo survey's journey mapping, takes its public link,
 *   answers it on a phone with no account, finds the answer in the responses and the
 *   charts, and imports a CSV of answers after a dry run;
 * - the moderator reads a tagged demo session, imports a new interview with a phone
 *   number and a name redacted, tags two passages (tag picker and shortcut); the
 *   researcher codes the same interview as a second coder; the moderator reads κ;
 * - the strategist reviews the synthesis (renames and accepts a proposed job), opens a
 *   finding's evidence on the map, accepts one finding and rejects another with a reason,
 *   adds a recommendation, publishes version 1 and downloads the CSV and Markdown exports.
 *
 * Screenshots go to tmp/screenshots (or docs/screenshots with TROPA_E2E_SCREENSHOTS=docs,
 * which is how the README's images are made).
 */
const ROOT = join(__dirname, '..');
const OUT = process.env.TROPA_E2E_SCREENSHOTS === 'docs' ? join(ROOT, 'docs/screenshots') : join(ROOT, 'tmp/screenshots');

interface DemoUser {
  role: 'researcher' | 'moderator' | 'strategist';
  email: string;
  password: string;
}

/** What the demo holds (server/src/modules/demo). */
const DEMO = {
  project: 'Онлайн-магазин косметики (демо)',
  survey: 'Опрос покупателей: как вы покупаете косметику',
  responses: 320,
  sessions: 4,
  acceptedJobs: 3,
  stages: ['Осознание', 'Интерес', 'Рассмотрение', 'Решение', 'Покупка', 'Послепродажное обслуживание', 'Лояльность'],
  users: { researcher: 'Демо: исследовательница', moderator: 'Демо: модератор' },
  questions: {
    segment: 'Что лучше всего описывает вас?',
    jtbd: 'Вспомните последнюю покупку косметики. Что происходило, чего вы хотели добиться и зачем?',
    channels: 'Где вы узнаёте о новинках и выбираете косметику?',
    considerCsat: 'Насколько вы довольны этапом «Рассмотрение»?',
    considerStory: 'Что запомнилось на этапе «Рассмотрение»: что помогло, что мешало?',
    nps: 'Насколько вероятно, что вы порекомендуете магазин друзьям?',
  },
  segments: {
    mama: 'Работаю, растут дети — времени на себя почти нет',
    beauty: 'Обожаю уход и новинки, слежу за блогерами',
    student: 'Учусь, бюджет небольшой — ищу скидки и акции',
  },
} as const;

/** A short interview the moderator imports: a phone number and the participant's name to hide. */
const INTERVIEW_VTT = `WEBVTT

00:00:01.000 --> 00:00:04.000
<v Модератор>Здравствуйте! Расскажите, как вы выбираете крем для лица.

00:00:05.000 --> 00:00:11.000
<v Татьяна Смирнова>Сначала читаю отзывы на сайте, но сравнить два крема там невозможно.

00:00:12.000 --> 00:00:15.000
<v Модератор>А если с заказом что-то не так?

00:00:16.000 --> 00:00:22.000
<v Татьяна Смирнова>Звоню в поддержку, мой номер +7 916 123-45-67 у них уже есть.

00:00:23.000 --> 00:00:26.000
<v Модератор>Чего вам не хватает в приложении?

00:00:27.000 --> 00:00:33.000
<v Татьяна Смирнова>Хочу повторить прошлый заказ в один клик, чтобы не тратить время.

00:00:34.000 --> 00:00:36.000
<v Модератор>Спасибо, Татьяна!
`;

function csvFile(name: string, rows: string[][]): { name: string; mimeType: string; buffer: Buffer } {
  const field = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return { name, mimeType: 'text/csv', buffer: Buffer.from(`${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`, 'utf8') };
}

describe('Role journeys on the demo project', () => {
  let browser: Browser;
  let server: ServerProcess;
  let projectId: string;
  let users: DemoUser[];

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    [browser, server] = await Promise.all([launchBrowser(), startServer({ env: { TROPA_AUTH_RATE_LIMIT: '100' } })]);
    // The owner (this instance's first user) creates the demo with its three role accounts.
    const { context, page } = await newUser(browser, 'ru-RU', { baseURL: server.baseUrl });
    await page.goto('/register');
    await page.getByTestId('register-email').fill(uniqueEmail('owner'));
    await page.getByTestId('register-display-name').fill('Ольга Владелец');
    await page.getByTestId('register-password').fill('owner-password-1');
    await page.getByTestId('register-submit').click();
    await page.waitForURL(/\/projects$/);
    const demo = await api<{ project: { id: string }; users: DemoUser[] }>(page, 'POST', '/api/projects/demo', { roleUsers: true });
    expect(demo.status).toBe(201);
    projectId = demo.body.project.id;
    users = demo.body.users;
    await context.close();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
  }, 30_000);

  /** Signs in as the role's demo account and opens the demo project from the project list. */
  async function as(role: DemoUser['role']): Promise<{ page: Page; close: () => Promise<void> }> {
    const user = users.find((u) => u.role === role)!;
    const { context, page } = await newUser(browser, 'ru-RU', { baseURL: server.baseUrl, viewport: { width: 1440, height: 900 } });
    await page.goto('/login');
    await page.getByTestId('login-email').fill(user.email);
    await page.getByTestId('login-password').fill(user.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/projects$/);
    await page.getByTestId('project-card-name').filter({ hasText: DEMO.project }).click();
    await page.waitForURL(new RegExp(`/projects/${projectId}/`));
    return { page, close: () => context.close() };
  }

  async function shot(page: Page, name: string): Promise<void> {
    // Let charts finish their entry animation (ngx-charts draws a line in 1 s whatever [animations] says).
    await page.waitForTimeout(1100);
    await page.screenshot({ path: join(OUT, `${name}.png`) });
  }

  async function openTab(page: Page, testId: string, path: RegExp): Promise<void> {
    await page.getByTestId(testId).click();
    await page.waitForURL(path);
  }

  async function chooseOption(page: Page, select: Locator, option: string | RegExp): Promise<void> {
    await select.click();
    await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
    // The panel closes with an animation: the next select must not find this panel's options.
    await page.getByRole('listbox').waitFor({ state: 'detached' });
  }

  async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
    const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void];
    return { name: download.suggestedFilename(), text: readFileSync(await download.path()).toString('utf8') };
  }

  // --- Researcher -----------------------------------------------------------------------

  /** One SurveyJS question on the respondent's page, found by its title. */
  function surveyQuestion(page: Page, title: string): Locator {
    return page.locator('.sd-question', { has: page.locator('.sd-question__title', { hasText: title }) });
  }

  /**
   * A rating: buttons, or a dropdown when the scale does not fit the screen. SurveyJS
   * decides after measuring the rendered page, so the choice is retried until it shows.
   */
  async function rate(page: Page, question: Locator, value: string): Promise<void> {
    const exactly = new RegExp(`^\\s*${value}\\s*$`);
    await question.waitFor();
    await eventually(
      async () => {
        try {
          const dropdown = question.locator('.sd-dropdown');
          if (await dropdown.isVisible()) {
            await dropdown.click({ timeout: 2_000 });
            await page.locator('.sv-list__item-body').filter({ hasText: exactly }).first().click({ timeout: 2_000 });
          } else {
            await question.locator('.sd-rating__item').filter({ hasText: exactly }).click({ timeout: 2_000 });
          }
        } catch {
          // The question switched between buttons and a dropdown under the click: try again.
        }
        const shown = await question.locator('.sd-rating__item--selected, .sd-dropdown__value').allTextContents();
        return shown.map((text) => text.trim());
      },
      (shown) => shown.includes(value),
      20_000,
    );
  }

  it('should let the researcher check the survey mapping, collect an answer through the public link, read it and import a CSV', async () => {
    const { page, close } = await as('researcher');
    const q = DEMO.questions;

    // --- The demo survey is open with its 320 responses.
    await openTab(page, 'tab-surveys', /\/surveys$/);
    const listRow = page.getByTestId('survey-row').filter({ hasText: DEMO.survey });
    expect(await textOf(listRow.getByTestId('survey-row-status'))).toBe('Открыт');
    expect(await textOf(listRow.getByTestId('survey-row-responses'))).toBe(String(DEMO.responses));
    await listRow.getByTestId('survey-row-title').click();
    await page.waitForURL(/\/surveys\/[0-9a-f-]+\/builder$/);
    expect(await textOf(page.getByTestId('survey-heading'))).toBe(DEMO.survey);
    expect(await page.getByTestId('question-title').first().inputValue()).toBe(q.segment);

    // --- The journey mapping: a stage's story question, the NPS metric, the JTBD prompt.
    await openTab(page, 'survey-tab-mapping', /\/mapping$/);
    const mappingRow = (title: string) => page.getByTestId('mapping-row').filter({ has: page.getByTestId('mapping-question-title').getByText(title, { exact: true }) });
    await eventually(() => textOf(mappingRow(q.considerStory).getByTestId('mapping-stage')), (text) => text === 'Рассмотрение');
    expect(await textOf(mappingRow(q.considerCsat).getByTestId('mapping-metric'))).toContain('CSAT');
    expect(await textOf(mappingRow(q.nps).getByTestId('mapping-metric'))).toBe('NPS');
    expect(await mappingRow(q.jtbd).getByTestId('mapping-jtbd').locator('input').isChecked()).toBe(true);

    // --- The public link, copied from the distribution screen.
    await openTab(page, 'survey-tab-distribution', /\/distribution$/);
    expect(await textOf(page.getByTestId('distribution-status'))).toBe('Статус: Открыт');
    const publicLink = await page.getByTestId('public-link').inputValue();
    expect(publicLink).toMatch(new RegExp(`^${server.baseUrl.replace(/[.]/g, '\\.')}/s/[A-Za-z0-9_-]{20,}$`));
    await page.getByTestId('public-link-copy').click();
    await eventually(() => textOf(page.getByTestId('public-link-copy')), (text) => text === 'Скопировано');

    // --- A respondent answers on a phone, with no account: three pages, in Russian.
    const jtbd = 'Закончилась сыворотка, хотела заказать такую же до выходных и не переплатить за доставку';
    const story = 'Сравнивала два крема в приложении, помог фильтр по типу кожи';
    const phone = await newUser(browser, 'ru-RU', { baseURL: server.baseUrl, viewport: { width: 375, height: 740 }, isMobile: true });
    const respondent = phone.page;
    await respondent.goto(publicLink);
    expect(await textOf(respondent.getByTestId('respondent-title'))).toBe(DEMO.survey);
    expect(await respondent.getByTestId('brand').count()).toBe(0);
    expect(await respondent.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await surveyQuestion(respondent, q.segment).getByText(DEMO.segments.student, { exact: true }).click();
    await surveyQuestion(respondent, q.jtbd).locator('textarea').fill(jtbd);
    await surveyQuestion(respondent, q.channels).getByText('Telegram-канал', { exact: true }).click();
    await respondent.getByRole('button', { name: 'Далее' }).click();
    await rate(respondent, surveyQuestion(respondent, q.considerCsat), '4');
    await surveyQuestion(respondent, q.considerStory).locator('textarea').fill(story);
    await respondent.getByRole('button', { name: 'Далее' }).click();
    await rate(respondent, surveyQuestion(respondent, q.nps), '9');
    await respondent.getByRole('button', { name: 'Готово' }).click();
    expect(await textOf(respondent.getByTestId('respondent-thanks'))).toBe('Спасибо! Ваши ответы отправлены.');
    await phone.context.close();

    // --- Back as the researcher: the newest response is that answer.
    await openTab(page, 'survey-tab-responses', /\/responses$/);
    const responseRows = page.getByTestId('response-row');
    const newest = await textsOf(responseRows.first().getByTestId('response-cell'), (texts) => texts.includes(jtbd));
    expect(newest.slice(0, 3)).toEqual([DEMO.segments.student, jtbd, 'Telegram-канал']);
    await responseRows.first().getByTestId('response-view').click();
    const detail = page.getByTestId('response-detail');
    const questionsShown = await textsOf(detail.getByTestId('response-question'), (texts) => texts.length > 3);
    const answersShown = await textsOf(detail.getByTestId('response-answer'), (texts) => texts.length === questionsShown.length);
    const answerTo = (title: string) => answersShown[questionsShown.indexOf(title)];
    expect(answerTo(q.considerCsat)).toBe('4');
    expect(answerTo(q.considerStory)).toBe(story);
    expect(answerTo(q.nps)).toBe('9');

    // --- The charts count it: 321 responses; every respondent chose a segment.
    await openTab(page, 'survey-tab-summary', /\/summary$/);
    expect(await textOf(page.getByTestId('summary-total'))).toBe(`Ответов: ${DEMO.responses + 1}`);
    const segmentCard = page.locator(`[data-testid="summary-question"][data-question="segment"]`);
    const segmentCounts = await textsOf(segmentCard.getByTestId('summary-count-value'), (texts) => texts.length === 3);
    expect(segmentCounts.reduce((sum, count) => sum + Number(count), 0)).toBe(DEMO.responses + 1);
    const npsCard = page.locator(`[data-testid="summary-question"][data-question="nps"]`);
    expect(await textOf(npsCard.getByTestId('nps-score'))).toMatch(/^-?\d+$/);
    await page.locator('ngx-charts-bar-vertical, ngx-charts-bar-horizontal-stacked').first().waitFor();
    await shot(page, 'researcher-survey-summary');

    // --- Import answers collected elsewhere: the columns are titled like the questions.
    const header = [q.segment, q.jtbd, q.nps];
    const imported = [
      [DEMO.segments.mama, 'Закончился крем для рук, хотела быстро заказать такой же, чтобы не ехать в магазин', '8'],
      [DEMO.segments.beauty, 'Увидела новинку у блогера и хотела попробовать первой', '10'],
    ];
    await openTab(page, 'survey-tab-import', /\/import$/);
    await page.getByTestId('import-file').setInputFiles(csvFile('anketa.csv', [header, ...imported, [DEMO.segments.student, 'Искала подарок подруге', '11']]));
    await page.getByTestId('import-mapping').waitFor();
    expect(await textsOf(page.getByTestId('import-column-title'), (texts) => texts.length === 3)).toEqual(header);
    // Each column is suggested its question.
    expect(await textsOf(page.getByTestId('import-column-question'), (texts) => texts.length === 3 && texts.every(Boolean))).toEqual(header);
    // The dry run finds the out-of-range NPS in the file's fourth line.
    await page.getByTestId('import-check').click();
    const problem = page.getByTestId('import-problem');
    await problem.first().waitFor({ timeout: 20_000 });
    expect(await problem.count()).toBe(1);
    const [line, column, reason] = await textsOf(problem.first().locator('td'), (cells) => cells.length === 3);
    expect([line, column]).toEqual(['4', q.nps]);
    expect(reason).toContain('"11"');
    expect(await textOf(page.getByTestId('import-report-summary'))).toBe('Строк: 3 · без ошибок: 2 · с ошибками: 1');

    // The corrected file checks clean and imports.
    await page.getByRole('button', { name: 'Начать заново' }).click();
    await page.getByTestId('import-file').setInputFiles(csvFile('anketa-2.csv', [header, ...imported]));
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-no-problems').waitFor({ timeout: 20_000 });
    expect(await textOf(page.getByTestId('import-report-summary'))).toBe('Строк: 2 · без ошибок: 2 · с ошибками: 0');
    await page.getByTestId('import-run').click();
    expect(await textOf(page.getByTestId('import-done'))).toBe('Импортировано ответов: 2.');

    // --- The imported rows are among the responses, and counted.
    await openTab(page, 'survey-tab-responses', /\/responses$/);
    for (const [segment, answer] of imported) {
      const row = responseRows.filter({ hasText: answer });
      await row.waitFor();
      expect((await textsOf(row.getByTestId('response-cell'), (texts) => texts.length > 2)).slice(0, 2)).toEqual([segment, answer]);
    }
    await page.getByTestId('surveys-back').click();
    await page.waitForURL(/\/surveys$/);
    await eventually(() => textOf(listRow.getByTestId('survey-row-responses')), (text) => text === String(DEMO.responses + 3));
    await close();
  }, 120_000);

  // --- Moderator ------------------------------------------------------------------------

  /** The number in "Выделений: N" above the transcript. */
  async function highlightCount(page: Page): Promise<number> {
    return Number(/\d+/.exec(await textOf(page.getByTestId('highlight-count')))?.[0]);
  }

  /** Highlights a phrase and tags it by pressing the tag's shortcut; waits for the new highlight. */
  async function highlightWithShortcut(page: Page, phrase: string, key: string): Promise<void> {
    const before = await highlightCount(page);
    await selectPhrase(page, phrase);
    await page.getByTestId('highlight-popover').waitFor();
    await page.keyboard.press(key);
    await eventually(() => highlightCount(page), (count) => count === before + 1);
    await mark(page, phrase).first().waitFor();
    await page.keyboard.press('Escape');
  }

  function mark(page: Page, phrase: string): Locator {
    return page.getByTestId('highlight').filter({ hasText: phrase });
  }

  async function openSession(page: Page, title: string): Promise<void> {
    await openTab(page, 'tab-sessions', /\/sessions$/);
    await page.getByTestId('session-row-title').getByText(title, { exact: true }).click();
    await page.waitForURL(/\/sessions\/[0-9a-f-]+$/);
    expect(await textOf(page.getByTestId('session-heading'))).toBe(title);
  }

  it('should let the moderator import a redacted interview, tag passages and read the agreement with a second coder', async () => {
    const { page, close } = await as('moderator');
    const interview = 'Интервью: Татьяна, выбор крема';
    const compare = 'сравнить два крема там невозможно';
    const repeat = 'повторить прошлый заказ в один клик';

    // --- The demo's four sessions; the first listed is already tagged, each highlight tinted with its tags' colours.
    await openTab(page, 'tab-sessions', /\/sessions$/);
    await textsOf(page.getByTestId('session-row-title'), (titles) => titles.length === DEMO.sessions);
    await page.getByTestId('session-row-title').first().click();
    await page.waitForURL(/\/sessions\/[0-9a-f-]+$/);
    const demoMarks = page.getByTestId('highlight');
    await demoMarks.first().waitFor({ timeout: 30_000 });
    expect(await textOf(page.getByTestId('highlight-count'))).toMatch(/\d+/);
    expect(await demoMarks.first().evaluate((element) => getComputedStyle(element).backgroundImage + getComputedStyle(element).backgroundColor)).toMatch(/rgba\(\d+, \d+, \d+, 0\.35\)/);
    await demoMarks.first().scrollIntoViewIfNeeded();
    await shot(page, 'moderator-transcript');

    // --- A new interview led by the moderator.
    await page.getByTestId('sessions-back').click();
    await page.waitForURL(/\/sessions$/);
    await page.getByTestId('session-new').click();
    await chooseOption(page, page.getByTestId('session-kind'), 'Интервью');
    await page.getByTestId('session-title').fill(interview);
    await page.getByTestId('session-held-on').fill('2026-11-20');
    await chooseOption(page, page.getByTestId('session-moderator'), new RegExp(`^${DEMO.users.moderator} \\(`));
    await page.getByTestId('session-submit').click();
    await page.waitForURL(/\/sessions\/[0-9a-f-]+$/);
    expect(await textOf(page.getByTestId('session-heading'))).toBe(interview);
    expect(await textOf(page.getByTestId('session-moderator-value'))).toBe(DEMO.users.moderator);

    // --- Upload: two speakers; the phone number is found and kept for redaction.
    await page.getByTestId('transcript-file').setInputFiles({ name: 'tatiana.vtt', mimeType: 'text/vtt', buffer: Buffer.from(INTERVIEW_VTT, 'utf8') });
    await page.getByTestId('speaker-table').waitFor();
    expect((await textsOf(page.getByTestId('speaker-name'), (names) => names.length === 2)).sort()).toEqual(['Модератор', 'Татьяна Смирнова']);
    expect(await textsOf(page.getByTestId('finding-text'), (texts) => texts.length === 1)).toEqual(['+7 916 123-45-67']);
    expect(await page.getByTestId('finding-accept').locator('input').isChecked()).toBe(true);
    const speakerRow = (name: string) => page.getByTestId('speaker-row').filter({ has: page.getByTestId('speaker-name').getByText(name, { exact: true }) });
    await chooseOption(page, speakerRow('Модератор').getByTestId('speaker-choice'), 'Модератор');
    // Tatiana becomes a new participant "Т-1"; her name is replaced by the pseudonym.
    await speakerRow('Татьяна Смирнова').getByTestId('speaker-new-pseudonym').fill('Т-1');
    await speakerRow('Татьяна Смирнова').getByTestId('speaker-create-participant').click();
    await eventually(() => textOf(speakerRow('Татьяна Смирнова').getByTestId('speaker-choice')), (text) => text === 'Т-1');
    const nameRow = page.getByTestId('name-row').first();
    await eventually(() => nameRow.getByTestId('name-original').inputValue(), (value) => value === 'Татьяна Смирнова');
    expect(await nameRow.getByTestId('name-pseudonym').inputValue()).toBe('Т-1');
    await textsOf(page.getByTestId('redacted-text'), (texts) => texts.some((text) => text.includes('[phone]')));

    // --- Saved: the transcript shows the redactions, never the number or the name.
    await page.getByTestId('transcript-save').click();
    const transcript = (await textsOf(page.getByTestId('utterance-text'), (texts) => texts.length === 7)).join('\n');
    expect(transcript).toContain('[phone]');
    expect(transcript).toContain('Спасибо, Т-1!');
    expect(transcript).not.toContain('123-45-67');
    expect(transcript).not.toContain('Татьяна');
    expect(await textsOf(page.getByTestId('utterance-speaker'), (speakers) => speakers.length === 7)).toContain('Т-1');
    const interviewUrl = new URL(page.url()).pathname;

    // --- Tag a pain with the tag picker: the highlight takes the tag's colour.
    await selectPhrase(page, compare);
    const popover = page.getByTestId('highlight-popover');
    expect(await textOf(popover.getByTestId('highlight-popover-text'))).toBe(`“${compare}”`);
    await popover.getByTestId('tag-search').fill('Боль');
    const painOption = popover.getByTestId('tag-option').filter({ has: page.getByText('Боль', { exact: true }) });
    const painColour = await painOption.locator('.swatch').evaluate((element) => getComputedStyle(element).backgroundColor);
    await painOption.click();
    await mark(page, compare).waitFor();
    const tint = painColour.replace(/^rgb\((.*)\)$/, 'rgba($1, 0.35)');
    expect(await mark(page, compare).evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(tint);
    expect(await mark(page, compare).getAttribute('title')).toContain('Боль');
    await page.keyboard.press('Escape');

    // --- And a job with its shortcut (w).
    await highlightWithShortcut(page, repeat, 'w');
    expect(await mark(page, repeat).getAttribute('title')).toContain('Работа (JTBD)');
    expect(await textsOf(page.getByTestId('highlight'), (texts) => texts.length === 2)).toEqual([compare, repeat]);

    // --- The researcher codes the same interview: agrees on the job, calls the other passage negative.
    const second = await as('researcher');
    await openSession(second.page, interview);
    expect(new URL(second.page.url()).pathname).toBe(interviewUrl);
    await textsOf(second.page.getByTestId('utterance-text'), (texts) => texts.length === 7);
    await highlightWithShortcut(second.page, repeat, 'w');
    await highlightWithShortcut(second.page, compare, 'n');
    await second.close();

    // --- Agreement: κ per tag is 1 (job), 0 (pain), 0 (negative); the mean is 0.33.
    await page.getByTestId('session-tab-agreement').locator('button').click();
    await chooseOption(page, page.getByTestId('agreement-coder-a'), DEMO.users.moderator);
    await chooseOption(page, page.getByTestId('agreement-coder-b'), DEMO.users.researcher);
    await page.getByTestId('agreement-run').click();
    expect(await textOf(page.getByTestId('agreement-kappa'))).toMatch(/^0[.,]33$/);
    expect(await textOf(page.getByTestId('agreement-units'))).toBe('7');
    const disagreements = page.getByTestId('disagreement');
    expect(await textsOf(disagreements, (texts) => texts.length === 1)).toEqual([expect.stringContaining(compare)]);
    expect(await textOf(disagreements.getByTestId('disagreement-only-a'))).toContain('Боль');
    expect(await textOf(disagreements.getByTestId('disagreement-only-b'))).toContain('Негатив');
    await page.getByTestId('session-tabs').evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await shot(page, 'moderator-agreement');
    await close();
  }, 120_000);

  // --- Strategist -----------------------------------------------------------------------

  function findingCard(page: Page, id: string): Locator {
    return page.locator(`[data-testid="finding-card"][data-finding-id="${id}"]`);
  }

  it('should let the strategist review the synthesis and the map with its evidence, recommend, publish and export', async () => {
    const { page, close } = await as('strategist');

    // --- Synthesis: the finished run's clusters; the strategist reviews them (runs are started by researchers).
    await openTab(page, 'tab-synthesis', /\/synthesis$/);
    expect(await textOf(page.getByTestId('synthesis-read-only'))).toContain('вы разбираете его кластеры');
    await eventually(() => page.getByTestId('synthesis-run').getAttribute('data-status'), (status) => status === 'succeeded');
    await page.getByTestId('cluster-card').first().waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('synthesis-start').count()).toBe(0);
    await shot(page, 'strategist-synthesis');
    await page.getByTestId('synthesis-kind-job').click();
    await page.selectOption('[data-testid="synthesis-status-filter"]', 'accepted');
    const jobCards = page.locator('[data-testid="cluster-card"][data-cluster-kind="job"]');
    const acceptedLabels = await textsOf(jobCards.getByTestId('cluster-label'), (labels) => labels.length === DEMO.acceptedJobs);
    expect(await jobCards.getByTestId('cluster-in-jobs').count()).toBe(DEMO.acceptedJobs);
    // A proposed job: its quotes read, then renamed and accepted into the jobs to be done.
    await page.selectOption('[data-testid="synthesis-status-filter"]', 'proposed');
    await eventually(() => jobCards.getByTestId('cluster-in-jobs').count(), (count) => count === 0);
    const proposed = jobCards.first();
    await proposed.waitFor();
    const proposedId = (await proposed.getAttribute('data-cluster-id')) ?? '';
    await proposed.getByTestId('cluster-open').click();
    await page.waitForURL(/\/synthesis\/clusters\/[0-9a-f-]+/);
    expect((await textsOf(page.getByTestId('cluster-quote-text'), (texts) => texts.length > 0)).every((text) => text.length > 10)).toBe(true);
    await page.getByTestId('cluster-back').click();
    await page.getByTestId('synthesis-kind-job').click();
    const job = page.locator(`[data-testid="cluster-card"][data-cluster-id="${proposedId}"]`);
    await job.getByTestId('cluster-rename').click();
    await job.getByTestId('cluster-label-input').fill('Подобрать уход под свой тип кожи');
    await job.getByTestId('cluster-label-save').click();
    await eventually(() => textOf(job.getByTestId('cluster-label')), (text) => text === 'Подобрать уход под свой тип кожи');
    await job.getByTestId('cluster-accept').click();
    await eventually(() => job.getByTestId('cluster-status').getAttribute('data-status'), (status) => status === 'accepted');
    await job.getByTestId('cluster-in-jobs').waitFor();
    // The jobs to be done: the demo's accepted ones and the one just accepted.
    await page.getByTestId('synthesis-nav-jobs').click();
    expect((await textsOf(page.getByTestId('job-title'), (titles) => titles.length === DEMO.acceptedJobs + 1)).sort()).toEqual(
      [...acceptedLabels, 'Подобрать уход под свой тип кожи'].sort(),
    );

    // --- The journey map: 7 stages, findings in lanes.
    await openTab(page, 'tab-journey', /\/journey$/);
    await page.getByTestId('journey-grid').waitFor();
    expect(await textsOf(page.getByTestId('journey-stage'), (texts) => texts.length === 7)).toEqual(DEMO.stages.map((stage) => expect.stringContaining(stage)));
    await page.getByTestId('finding-card').first().waitFor({ timeout: 30_000 });
    await shot(page, 'strategist-journey-map');
    await page.getByTestId('journey-grid').scrollIntoViewIfNeeded();
    await shot(page, 'strategist-journey-grid');
    await page.evaluate(() => window.scrollTo(0, 0));

    // --- A pain's evidence: its quotes; rejected with a reason.
    const pains = page.locator('[data-testid="finding-card"][data-lane="pains"][data-status="proposed"]');
    const painId = (await pains.first().getAttribute('data-finding-id')) ?? '';
    const painText = await textOf(findingCard(page, painId).getByTestId('finding-text'));
    await findingCard(page, painId).locator('button.open').click();
    const drawer = page.getByTestId('evidence-drawer');
    expect(await textOf(drawer.getByTestId('drawer-finding-text'))).toBe(painText);
    const painQuotes = await textsOf(drawer.getByTestId('evidence-quote-text'), (texts) => texts.length > 0);
    expect(await drawer.getByTestId('evidence-quote-source').count()).toBeGreaterThan(0);
    await shot(page, 'strategist-evidence');
    await drawer.getByTestId('finding-reject').click();
    await drawer.getByTestId('finding-reject-reason').fill('Не подтвердилось на разборе с командой');
    await drawer.getByTestId('finding-reject-confirm').click();
    await eventually(() => findingCard(page, painId).getAttribute('data-status'), (status) => status === 'rejected');
    expect(await textOf(drawer.getByTestId('drawer-reject-reason'))).toBe('Отклонено: Не подтвердилось на разборе с командой');
    expect(await textOf(findingCard(page, painId).getByTestId('finding-reject-reason-shown'))).toContain('Не подтвердилось на разборе с командой');

    // --- A gain accepted.
    const gains = page.locator('[data-testid="finding-card"][data-lane="gains"][data-status="proposed"]');
    const gainId = (await gains.first().getAttribute('data-finding-id')) ?? '';
    const gainText = await textOf(findingCard(page, gainId).getByTestId('finding-text'));
    await findingCard(page, gainId).locator('button.open').click();
    await eventually(() => textOf(drawer.getByTestId('drawer-finding-text')), (text) => text === gainText);
    await textsOf(drawer.getByTestId('evidence-quote-text'), (texts) => texts.length > 0);
    await drawer.getByTestId('finding-accept').click();
    await eventually(() => findingCard(page, gainId).getAttribute('data-status'), (status) => status === 'accepted');
    expect(await textOf(drawer.getByTestId('drawer-status'))).toBe('Принято');
    await drawer.getByTestId('evidence-drawer-close').click();
    await drawer.waitFor({ state: 'detached' });

    // --- A recommendation built on the accepted gain, at Consideration, on conversion.
    const recommendationText = 'Добавить сравнение двух средств рядом в карточке товара';
    await page.getByTestId('journey-nav-recommendations').click();
    await page.waitForURL(/\/journey\/recommendations$/);
    const recommendationsBefore = await eventually(() => page.getByTestId('recommendation-row').count(), (count) => count > 0);
    await page.getByTestId('recommendation-new').click();
    await page.getByTestId('recommendation-text').fill(recommendationText);
    await page.getByTestId('recommendation-findings').click();
    await page.locator(`mat-option[data-finding-id="${gainId}"]`).click();
    await page.keyboard.press('Escape');
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await chooseOption(page, page.getByTestId('recommendation-stage'), 'Рассмотрение');
    await chooseOption(page, page.getByTestId('recommendation-kpi'), /^C/);
    await page.getByTestId('recommendation-effect').fill('+3 п. п. конверсии в покупку');
    await page.getByTestId('recommendation-save').click();
    await eventually(() => page.getByTestId('recommendation-row').count(), (count) => count === recommendationsBefore + 1);
    const recommendation = page.getByTestId('recommendation-row').filter({ hasText: recommendationText });
    expect(await textOf(recommendation.getByTestId('recommendation-row-target'))).toContain('Рассмотрение');
    expect(await textsOf(recommendation.getByTestId('recommendation-row-finding'), (texts) => texts.length === 1)).toEqual([gainText]);

    // --- Version 1 published.
    await page.getByTestId('journey-back').click();
    await page.waitForURL(/\/journey$/);
    await page.getByTestId('journey-nav-versions').click();
    await page.waitForURL(/\/journey\/versions$/);
    await page.getByTestId('version-publish').click();
    await page.getByTestId('confirm-ok').click();
    await page.locator('[data-testid="version-row"][data-version-number="1"]').waitFor();

    // --- Exports of the map: the CSV has the rejected pain with its evidence; the Markdown the recommendation.
    await openTab(page, 'tab-journey', /\/journey$/);
    await page.getByTestId('journey-grid').waitFor();
    const csv = await downloaded(page, () => page.getByTestId('export-csv').click());
    expect(csv.name).toMatch(/\.csv$/);
    const painLine = csv.text.split('\r\n').find((line) => line.includes(painText));
    expect(painLine).toContain(',rejected,');
    expect(painLine).toContain(painQuotes[0].replace(/^«|»$/g, ''));
    const md = await downloaded(page, () => page.getByTestId('export-md').click());
    expect(md.text).toMatch(/^# /);
    expect(md.text).toContain(gainText);
    expect(md.text).toContain(recommendationText);
    await close();
  }, 120_000);
});
