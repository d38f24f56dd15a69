import { STAGE_TEMPLATE_STAGES, XSRF_COOKIE, XSRF_HEADER } from '@tropa/contracts';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { selectPhrase } from './support/transcript';
import { launchBrowser, newUser, uniqueEmail } from './support/browser';
import { startServer, stopServer } from './support/server-process.cjs';
import type { ServerProcess } from './support/server-process.cjs';
import { eventually, textOf, textsOf } from './support/wait';

/**
 * The focus-group journey: an owner adds two moderators; the first creates a focus group
 * with three participants, uploads a Russian WebVTT transcript, maps its speakers, keeps the
 * personal-data redactions, adds a name to replace, saves, and reads the redacted transcript;
 * highlights three passages and tags them with keyboard shortcuts; finds them in the quotes
 * by another Russian word form. The second moderator codes the same session, and the
 * agreement report shows Cohen's κ.
 *
 * Its own server, so that the owner is that instance's first user (the one who may create projects).
 */
describe('Sessions', () => {
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
  const moderator = { email: uniqueEmail('moderator'), password: 'moderator-password-1', name: 'Mila Moderator' };
  const secondModerator = { email: uniqueEmail('moderator2'), password: 'moderator-password-2', name: 'Max Moderator' };
  const participants = { anna: 'П-1', oleg: 'П-2', maria: 'П-3' };
  const fixture = join(__dirname, 'fixtures', 'focus-group.ru.vtt');

  async function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
    await select.click();
    await page.getByRole('option', { name: option, exact: true }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
  }

  /** A write through the API with the browser's session cookie and XSRF token. */
  async function apiPost(page: Page, url: string, body: object): Promise<number> {
    return page.evaluate(
      async ({ url, body, cookie, header }) => {
        const token = new RegExp(`(?:^|; )${cookie}=([^;]*)`).exec(document.cookie)?.[1] ?? '';
        const response = await fetch(url, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', [header]: decodeURIComponent(token) },
          body: JSON.stringify(body),
        });
        return response.status;
      },
      { url, body, cookie: XSRF_COOKIE, header: XSRF_HEADER },
    );
  }

  /** Highlights a phrase and tags it by pressing the tag's shortcut; waits for the mark. */
  async function highlightWithShortcut(page: Page, phrase: string, key: string): Promise<void> {
    const marks = page.getByTestId('highlight');
    const before = await marks.count();
    await selectPhrase(page, phrase);
    await page.keyboard.press(key);
    await eventually(() => marks.count(), (count) => count > before);
    await page.keyboard.press('Escape');
  }

  async function logIn(page: Page, who: { email: string; password: string }): Promise<void> {
    await page.goto('/login');
    await page.getByTestId('login-email').fill(who.email);
    await page.getByTestId('login-password').fill(who.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/projects$/);
  }

  function speakerRow(page: Page, name: string): Locator {
    return page.getByTestId('speaker-row').filter({ has: page.getByTestId('speaker-name').getByText(name, { exact: true }) });
  }

  it('should let a moderator import a focus group transcript with speakers mapped, personal data redacted and a name replaced', async () => {
    // --- The owner registers (first user), creates a project from the 7-stage template and adds a moderator.
    const ownerSession = await newUser(browser, 'en-US', { baseURL: server.baseUrl });
    const ownerPage = ownerSession.page;
    await ownerPage.goto('/register');
    await ownerPage.getByTestId('register-email').fill(owner.email);
    await ownerPage.getByTestId('register-display-name').fill(owner.name);
    await ownerPage.getByTestId('register-password').fill(owner.password);
    await ownerPage.getByTestId('register-submit').click();
    await ownerPage.waitForURL(/\/projects$/);
    await ownerPage.getByTestId('new-project').click();
    await ownerPage.getByTestId('project-name').fill('Кофе с собой');
    await ownerPage.getByTestId('template-seven').click();
    await ownerPage.getByTestId('project-submit').click();
    await ownerPage.waitForURL(/\/projects\/[0-9a-f-]+\/stages$/);
    await textsOf(ownerPage.getByTestId('stage-name'), (texts) => texts.length === STAGE_TEMPLATE_STAGES.seven.length);
    const projectId = /\/projects\/([0-9a-f-]+)\//.exec(ownerPage.url())?.[1] ?? '';
    expect(
      await apiPost(ownerPage, `/api/projects/${projectId}/members`, {
        email: moderator.email,
        role: 'moderator',
        password: moderator.password,
        displayName: moderator.name,
      }),
    ).toBe(201);
    expect(
      await apiPost(ownerPage, `/api/projects/${projectId}/members`, {
        email: secondModerator.email,
        role: 'moderator',
        password: secondModerator.password,
        displayName: secondModerator.name,
      }),
    ).toBe(201);
    await ownerSession.context.close();

    // --- The moderator logs in and opens the Sessions tab: empty.
    const { context, page } = await newUser(browser, 'en-US', { baseURL: server.baseUrl });
    await page.goto('/login');
    await page.getByTestId('login-email').fill(moderator.email);
    await page.getByTestId('login-password').fill(moderator.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/projects$/);
    await page.goto(`/projects/${projectId}/stages`);
    await page.getByTestId('tab-sessions').click();
    await page.waitForURL(/\/sessions$/);
    await page.getByTestId('sessions-empty').waitFor();

    // --- A focus group led by the moderator.
    await page.getByTestId('session-new').click();
    await chooseOption(page, page.getByTestId('session-kind'), 'Focus group');
    await page.getByTestId('session-title').fill('Утренний кофе: фокус-группа');
    await page.getByTestId('session-held-on').fill('2026-03-02');
    await chooseOption(page, page.getByTestId('session-moderator'), `${moderator.name} (${moderator.email})`);
    await page.getByTestId('session-submit').click();
    await page.waitForURL(/\/sessions\/[0-9a-f-]+$/);
    expect(await textOf(page.getByTestId('session-heading'))).toBe('Утренний кофе: фокус-группа');
    expect(await textOf(page.getByTestId('session-kind-chip'))).toBe('Focus group');
    expect(await textOf(page.getByTestId('session-moderator-value'))).toBe(moderator.name);

    // --- Three participants; the contact a moderator types is masked back to them.
    for (const [index, pseudonym] of Object.values(participants).entries()) {
      await page.getByTestId('participant-add').click();
      await page.getByTestId('participant-pseudonym').fill(pseudonym);
      if (index === 0) {
        await page.getByTestId('participant-contact').fill('anna.petrova@example.com');
      }
      await page.getByTestId('participant-consent').locator('input').check();
      await page.getByTestId('participant-submit').click();
      await textsOf(page.getByTestId('participant-row-pseudonym'), (texts) => texts.length === index + 1);
    }
    expect(await textsOf(page.getByTestId('participant-row-pseudonym'), (texts) => texts.length === 3)).toEqual(Object.values(participants));
    expect(await textOf(page.getByTestId('participant-row-contact').first())).toBe('•••');

    // --- Upload: the preview lists the four speakers and the personal data, all accepted.
    await page.getByTestId('transcript-file').setInputFiles(fixture);
    await page.getByTestId('speaker-table').waitFor();
    expect(await textsOf(page.getByTestId('speaker-name'), (texts) => texts.length === 4)).toEqual(
      expect.arrayContaining(['Модератор', 'Анна Петрова', 'Олег Смирнов', 'Мария Иванова']),
    );
    expect(await textOf(speakerRow(page, 'Анна Петрова'))).toContain('utterances: 1');
    const findings = page.getByTestId('finding');
    expect(await textsOf(page.getByTestId('finding-kind'), (texts) => texts.length === 2)).toEqual(['E-mail', 'Phone']);
    expect(await textsOf(page.getByTestId('finding-text'), (texts) => texts.length === 2)).toEqual([
      'anna.petrova@example.com',
      '+7 912 345-67-89',
    ]);
    for (let index = 0; index < 2; index += 1) {
      expect(await findings.nth(index).getByTestId('finding-accept').locator('input').isChecked()).toBe(true);
      expect(await textOf(findings.nth(index).getByTestId('finding-mark'))).toBe(
        index === 0 ? 'anna.petrova@example.com' : '+7 912 345-67-89',
      );
    }

    // --- Speakers → participants and the moderator; each mapping prefills "name → pseudonym".
    await chooseOption(page, speakerRow(page, 'Модератор').getByTestId('speaker-choice'), 'Moderator');
    await chooseOption(page, speakerRow(page, 'Анна Петрова').getByTestId('speaker-choice'), participants.anna);
    await chooseOption(page, speakerRow(page, 'Олег Смирнов').getByTestId('speaker-choice'), participants.oleg);
    await chooseOption(page, speakerRow(page, 'Мария Иванова').getByTestId('speaker-choice'), participants.maria);
    const nameRows = page.getByTestId('name-row');
    await textsOf(nameRows, (texts) => texts.length === 3);
    expect(await nameRows.nth(0).getByTestId('name-original').inputValue()).toBe('Анна Петрова');
    expect(await nameRows.nth(0).getByTestId('name-pseudonym').inputValue()).toBe(participants.anna);

    // A friend mentioned in passing gets a pseudonym too.
    await page.getByTestId('name-add').click();
    await textsOf(nameRows, (texts) => texts.length === 4);
    await nameRows.nth(3).getByTestId('name-original').fill('Светлана');
    await nameRows.nth(3).getByTestId('name-pseudonym').fill('Подруга');

    // The live preview already shows the placeholders.
    await textsOf(page.getByTestId('redacted-text'), (texts) => texts.some((text) => text.includes('[email]')));

    // --- Save: the viewer replaces the wizard.
    await page.getByTestId('transcript-save').click();
    const lines = page.getByTestId('utterance');
    const texts = await textsOf(page.getByTestId('utterance-text'), (all) => all.length > 0);
    const transcript = texts.join('\n');
    expect(transcript).toContain('[email]');
    expect(transcript).toContain('[phone]');
    expect(transcript).toContain(`${participants.anna} права`);
    expect(transcript).toContain('Подруга');
    expect(transcript).toContain(`Спасибо, ${participants.maria}!`);
    expect(transcript).not.toContain('@example.com');
    expect(transcript).not.toContain('345-67-89');
    expect(transcript).not.toContain('Светлана');
    expect(transcript).not.toContain('Анна');

    // Anna's two consecutive cues are one utterance: 7 lines from 8 cues.
    expect(texts).toHaveLength(7);
    const merged = texts.filter((text) => text.includes('по дороге на работу'));
    expect(merged).toHaveLength(1);
    expect(merged[0]).toContain('Чек приходит на [email]');
    const annaLine = lines.filter({ hasText: 'по дороге на работу' });
    expect(await textOf(annaLine.getByTestId('utterance-speaker'))).toBe(participants.anna);
    expect(await textOf(annaLine.getByTestId('utterance-time'))).toBe('00:06');
    const moderatorLines = page.locator('[data-testid="utterance"].moderator');
    expect(await moderatorLines.count()).toBe(3);
    expect(await textOf(page.getByTestId('transcript-shown'))).toBe('7 of 7 utterances');

    // --- Filter by a participant: only Oleg's two lines.
    await chooseOption(page, page.getByTestId('transcript-filter'), participants.oleg);
    await textsOf(page.getByTestId('utterance-speaker'), (speakers) => speakers.length === 2 && speakers.every((speaker) => speaker === participants.oleg));
    await chooseOption(page, page.getByTestId('transcript-filter'), 'Everyone');
    await textsOf(page.getByTestId('utterance-text'), (all) => all.length === 7);
    const sessionUrl = page.url();

    // --- Three highlights, each tagged by its shortcut: w = Job, y = Positive, a = Action.
    await highlightWithShortcut(page, 'заказываю в приложении', 'w');
    await highlightWithShortcut(page, 'когда заказ готов', 'y');
    await highlightWithShortcut(page, 'Я хожу в кофейню у дома', 'a');
    const marks = page.getByTestId('highlight');
    expect(await textsOf(marks, (texts) => texts.length === 3)).toEqual(['заказываю в приложении', 'когда заказ готов', 'Я хожу в кофейню у дома']);
    const markTitles = await Promise.all((await marks.all()).map((mark) => mark.getAttribute('title')));
    expect(markTitles[0]).toContain('Job (JTBD)');
    expect(markTitles[1]).toContain('Positive');
    expect(markTitles[2]).toContain('Action');

    // --- Quote search finds them by other word forms: "приложение" → "в приложении", "кофейни" → "в кофейню".
    await page.getByTestId('tab-quotes').click();
    await page.waitForURL(/\/quotes/);
    await page.getByTestId('quote-search').fill('приложение');
    await textsOf(page.getByTestId('quote-text'), (texts) => texts.length === 1 && texts[0] === 'заказываю в приложении');
    await page.getByTestId('quote-search').fill('кофейни');
    await textsOf(page.getByTestId('quote-text'), (texts) => texts.length === 1 && texts[0] === 'Я хожу в кофейню у дома');
    await context.close();

    // --- The second moderator codes the same session: agrees on the job, differs on Maria's line.
    const second = await newUser(browser, 'en-US', { baseURL: server.baseUrl });
    await logIn(second.page, secondModerator);
    await second.page.goto(new URL(sessionUrl).pathname);
    await textsOf(second.page.getByTestId('utterance-text'), (all) => all.length === 7);
    await textsOf(second.page.getByTestId('highlight'), (texts) => texts.length === 3);
    await highlightWithShortcut(second.page, 'Обычно заказываю в приложении', 'w');
    await highlightWithShortcut(second.page, 'хожу в кофейню у дома, там', 'n');

    // --- Agreement: per tag κ = 1 (job), 0 (positive), 0 (action), 0 (negative); mean 0.25.
    await second.page.getByTestId('session-tab-agreement').locator('button').click();
    await chooseOption(second.page, second.page.getByTestId('agreement-coder-a'), secondModerator.name);
    await chooseOption(second.page, second.page.getByTestId('agreement-coder-b'), moderator.name);
    await second.page.getByTestId('agreement-run').click();
    expect(await textOf(second.page.getByTestId('agreement-kappa'))).toBe('0.25');
    const disagreements = second.page.getByTestId('disagreement');
    await textsOf(disagreements, (texts) => texts.length === 2);
    expect(await textOf(disagreements.filter({ hasText: 'кофейню' }).getByTestId('disagreement-only-a'))).toContain('Negative');
    expect(await textOf(disagreements.filter({ hasText: 'кофейню' }).getByTestId('disagreement-only-b'))).toContain('Action');
    await second.context.close();
  }, 180_000);
});
