import { STAGE_TEMPLATE_STAGES } from '@tropa/contracts';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, newUser, uniqueEmail } from './support/browser';
import { startServer, stopServer } from './support/server-process.cjs';
import type { ServerProcess } from './support/server-process.cjs';
import { eventually, textOf, textsOf } from './support/wait';

/**
 * The survey journey: a researcher builds a six-question survey mapped to the journey's
 * stages, opens it and copies the public link; a respondent with no account answers it on
 * a phone; the researcher sees the answer in the responses and in the charts.
 *
 * It runs against a server of its own, so that the researcher is that instance's first
 * user (the one who may create projects) whichever browser test runs first.
 */
describe('Surveys', () => {
  let browser: Browser;
  let server: ServerProcess;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer({ env: { TROPA_AUTH_RATE_LIMIT: '100' } })]);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
  }, 30_000);

  const stages = STAGE_TEMPLATE_STAGES.seven.map((stage) => stage.en);
  const projectName = 'Coffee to go';
  const surveyTitle = 'Morning coffee survey';
  const researcher = { email: uniqueEmail('researcher'), password: 'researcher-password-1', name: 'Rita Researcher' };
  const questions = {
    job: 'What were you trying to get done?',
    heard: 'How did you first hear about us?',
    channels: 'Which channels did you use?',
    nps: 'How likely are you to recommend us to a friend?',
    bought: 'Did you buy something?',
    what: 'What did you buy?',
  };

  async function openTab(page: Page, testId: string, path: RegExp): Promise<void> {
    await page.getByTestId(testId).click();
    await page.waitForURL(path);
  }

  async function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
    await select.click();
    await page.getByRole('option', { name: option, exact: true }).click();
    // The panel closes with an animation: the next select must not find this panel's options.
    await page.getByRole('listbox').waitFor({ state: 'detached' });
  }

  /** Adds a question of `kind` to the first page and gives it a title; returns its editor. */
  async function addQuestion(page: Page, kind: string, title: string): Promise<Locator> {
    const editors = page.getByTestId('question-editor');
    const before = await editors.count();
    await page.getByTestId('builder-new-kind').click();
    await page.getByTestId(`kind-option-${kind}`).click();
    await page.getByTestId('builder-add-question').click();
    await eventually(() => editors.count(), (count) => count === before + 1);
    const editor = editors.nth(before);
    await editor.getByTestId('question-title').fill(title);
    return editor;
  }

  async function setChoices(editor: Locator, choices: string[]): Promise<void> {
    const inputs = editor.getByTestId('question-choice');
    for (let count = await inputs.count(); count < choices.length; count += 1) {
      await editor.getByTestId('question-choice-add').click();
      await eventually(() => inputs.count(), (now) => now === count + 1);
    }
    for (const [index, choice] of choices.entries()) {
      await inputs.nth(index).fill(choice);
    }
  }

  /** One SurveyJS question on the respondent's page, found by its title. */
  function surveyQuestion(page: Page, title: string): Locator {
    return page.locator('.sd-question', { has: page.locator('.sd-question__title', { hasText: title }) });
  }

  /** A rating: buttons on wide screens; SurveyJS turns a long scale into a dropdown on a phone. */
  async function rate(page: Page, question: Locator, value: string): Promise<void> {
    const dropdown = question.locator('.sd-dropdown');
    if ((await dropdown.count()) > 0) {
      await dropdown.click();
      await page.locator('.sv-list__item-body').filter({ hasText: new RegExp(`^\\s*${value}\\s*$`) }).first().click();
    } else {
      await question.getByText(value, { exact: true }).click();
    }
  }

  it('should let a researcher build and open a survey, a respondent answer it on a phone, and show the answer in responses and charts', async () => {
    // --- The researcher registers (first user) and creates a project from the 7-stage template.
    const { context, page } = await newUser(browser, 'en-US', { baseURL: server.baseUrl });
    await page.goto('/register');
    await page.getByTestId('register-email').fill(researcher.email);
    await page.getByTestId('register-display-name').fill(researcher.name);
    await page.getByTestId('register-password').fill(researcher.password);
    await page.getByTestId('register-submit').click();
    await page.waitForURL(/\/projects$/);
    await page.getByTestId('new-project').click();
    await page.getByTestId('project-name').fill(projectName);
    await chooseOption(page, page.getByTestId('project-language'), 'English');
    await page.getByTestId('template-seven').click();
    await page.getByTestId('project-submit').click();
    await page.waitForURL(/\/projects\/[0-9a-f-]+\/stages$/);
    await textsOf(page.getByTestId('stage-name'), (texts) => texts.length === 7);

    // --- The Surveys tab is empty; create a survey in English.
    await openTab(page, 'tab-surveys', /\/surveys$/);
    await page.getByTestId('surveys-empty').waitFor();
    await page.getByTestId('survey-new').click();
    await page.getByTestId('survey-title').fill(surveyTitle);
    await page.getByTestId('survey-description').fill('Five minutes about your morning coffee');
    await chooseOption(page, page.getByTestId('survey-language'), 'English');
    await page.getByTestId('survey-create-submit').click();
    await page.waitForURL(/\/surveys\/[0-9a-f-]+\/builder$/);
    expect(await textOf(page.getByTestId('survey-heading'))).toBe(surveyTitle);
    expect(await textOf(page.getByTestId('survey-status'))).toBe('Draft');

    // --- Six questions: long text, single choice, multiple choice, NPS, yes/no, and a short text shown only after "yes".
    const job = await addQuestion(page, 'comment', questions.job);
    await job.getByTestId('question-required').locator('input').check();
    // The name follows the title until edited.
    expect(await job.getByTestId('question-name').inputValue()).toBe('what_were_you_trying_to_get_done');
    const heard = await addQuestion(page, 'radiogroup', questions.heard);
    await setChoices(heard, ['Instagram', 'A friend', 'Search engine']);
    const channels = await addQuestion(page, 'checkbox', questions.channels);
    await setChoices(channels, ['Website', 'Mobile app', 'Coffee shop']);
    await addQuestion(page, 'nps', questions.nps);
    await addQuestion(page, 'boolean', questions.bought);
    const what = await addQuestion(page, 'text', questions.what);
    await chooseOption(page, what.getByTestId('question-condition-question'), questions.bought);
    await chooseOption(page, what.getByTestId('question-condition-value'), 'Yes');

    // The live preview renders the survey with SurveyJS.
    const preview = page.getByTestId('builder-preview');
    await preview.locator('.sd-question__title', { hasText: questions.heard }).waitFor();
    expect(await preview.locator('.sd-question__title', { hasText: questions.what }).count()).toBe(0);

    // The JSON view holds the SurveyJS definition with the condition.
    await page.getByTestId('builder-toggle-json').click();
    const definition = JSON.parse(await page.getByTestId('builder-json').inputValue()) as {
      pages: Array<{ elements: Array<{ type: string; name: string; visibleIf?: string; rateMin?: number; rateMax?: number }> }>;
    };
    const elements = definition.pages[0].elements;
    expect(elements.map((element) => element.type)).toEqual(['comment', 'radiogroup', 'checkbox', 'rating', 'boolean', 'text']);
    expect(elements[3]).toMatchObject({ rateMin: 0, rateMax: 10 });
    expect(elements[5].visibleIf).toBe(`{${elements[4].name}} = true`);

    await page.getByTestId('builder-save').click();
    await page.getByTestId('builder-saved').waitFor();

    // --- Map the questions to the journey's stages; the open question is a JTBD prompt, the 0–10 one is NPS.
    await openTab(page, 'survey-tab-mapping', /\/mapping$/);
    const rows = page.getByTestId('mapping-row');
    await eventually(() => rows.count(), (count) => count === 6);
    const stageFor = [stages[0], stages[0], stages[2], stages[6], stages[4], stages[4]];
    for (const [index, stage] of stageFor.entries()) {
      await chooseOption(page, rows.nth(index).getByTestId('mapping-stage'), stage);
    }
    await rows.nth(0).getByTestId('mapping-jtbd').locator('input').check();
    await chooseOption(page, rows.nth(3).getByTestId('mapping-metric'), 'NPS');
    await page.getByTestId('mapping-save').click();
    await page.getByTestId('mapping-saved').waitFor();
    // Saved on the server: a reload shows the same mapping.
    await page.reload();
    await eventually(() => textOf(rows.nth(3).getByTestId('mapping-stage')), (text) => text === stages[6]);
    expect(await textOf(rows.nth(0).getByTestId('mapping-stage'))).toBe(stages[0]);
    expect(await textOf(rows.nth(3).getByTestId('mapping-metric'))).toBe('NPS');
    expect(await rows.nth(0).getByTestId('mapping-jtbd').locator('input').isChecked()).toBe(true);

    // --- Open the survey and copy its public link.
    await openTab(page, 'survey-tab-distribution', /\/distribution$/);
    await page.getByTestId('survey-open').click();
    await eventually(() => textOf(page.getByTestId('survey-status')), (text) => text === 'Open');
    const publicLink = await page.getByTestId('public-link').inputValue();
    expect(publicLink).toMatch(new RegExp(`^${server.baseUrl.replace(/[.]/g, '\\.')}/s/[A-Za-z0-9_-]{20,}$`));
    await page.getByTestId('public-link-copy').click();
    await eventually(() => textOf(page.getByTestId('public-link-copy')), (text) => text === 'Copied');

    // --- A respondent opens the link on a phone, with no account and no session.
    const phone = await newUser(browser, 'en-US', {
      baseURL: server.baseUrl,
      viewport: { width: 375, height: 740 },
      isMobile: true,
    });
    const respondent = phone.page;
    await respondent.goto(publicLink);
    expect(await textOf(respondent.getByTestId('respondent-title'))).toBe(surveyTitle);
    // Only the survey: no Tropa toolbar, nothing of the project.
    expect(await respondent.getByTestId('brand').count()).toBe(0);
    expect(await respondent.locator('body').innerText()).not.toContain(projectName);
    // Fits the phone: nothing wider than the screen.
    expect(await respondent.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await surveyQuestion(respondent, questions.job).locator('textarea').fill('Get a coffee on the way to work without queueing');
    await surveyQuestion(respondent, questions.heard).getByText('A friend', { exact: true }).click();
    await surveyQuestion(respondent, questions.channels).getByText('Mobile app', { exact: true }).click();
    await rate(respondent, surveyQuestion(respondent, questions.nps), '9');
    expect(await surveyQuestion(respondent, questions.what).count()).toBe(0);
    await surveyQuestion(respondent, questions.bought).getByText('Yes', { exact: true }).click();
    await surveyQuestion(respondent, questions.what).locator('input').fill('A flat white');
    await respondent.getByRole('button', { name: 'Complete' }).click();
    expect(await textOf(respondent.getByTestId('respondent-thanks'))).toBe('Thank you! Your answers have been sent.');
    // The same browser session cannot answer twice.
    await respondent.reload();
    expect(await textOf(respondent.getByTestId('respondent-already'))).toBe('You have already answered this survey.');

    // --- Back as the researcher: the answer is in the responses table and in the response's view.
    await openTab(page, 'survey-tab-responses', /\/responses$/);
    const responseRows = page.getByTestId('response-row');
    await eventually(() => responseRows.count(), (count) => count === 1);
    const cells = await textsOf(responseRows.first().getByTestId('response-cell'), (texts) => texts.length === 4);
    expect(cells).toEqual(['Get a coffee on the way to work without queueing', 'A friend', 'Mobile app', '9']);
    await responseRows.first().getByTestId('response-view').click();
    const detail = page.getByTestId('response-detail');
    expect(await textsOf(detail.getByTestId('response-question'), (texts) => texts.length === 6)).toEqual(Object.values(questions));
    expect(await textsOf(detail.getByTestId('response-answer'), (texts) => texts.length === 6)).toEqual([
      'Get a coffee on the way to work without queueing',
      'A friend',
      'Mobile app',
      '9',
      'Yes',
      'A flat white',
    ]);
    // Filter by an answer: the response matches "A friend", not "Instagram".
    await chooseOption(page, page.getByTestId('responses-question'), questions.heard);
    await chooseOption(page, page.getByTestId('responses-value'), 'Instagram');
    await page.getByTestId('responses-empty').waitFor();
    await chooseOption(page, page.getByTestId('responses-value'), 'A friend');
    await eventually(() => responseRows.count(), (count) => count === 1);

    // --- The charts: the chosen option's bar count and the NPS score with its split.
    await openTab(page, 'survey-tab-summary', /\/summary$/);
    expect(await textOf(page.getByTestId('summary-total'))).toBe('Responses: 1');
    const heardCard = page.getByTestId('summary-question').filter({ hasText: questions.heard });
    // The chosen option's bar is drawn with its count.
    await heardCard.locator('ngx-charts-bar-vertical path.bar[aria-label="A friend 1"]').waitFor();
    const heardCounts = heardCard.getByTestId('summary-count-row');
    expect(await textsOf(heardCounts, (texts) => texts.length === 3)).toEqual(['Instagram0', 'A friend1', 'Search engine0']);
    const npsCard = page.getByTestId('summary-question').filter({ hasText: questions.nps });
    expect(await textOf(npsCard.getByTestId('nps-score'))).toBe('100');
    expect(await textsOf(npsCard.getByTestId('nps-group'), (texts) => texts.length === 3)).toEqual([
      'Promoters: 1',
      'Passives: 0',
      'Detractors: 0',
    ]);
    await npsCard.locator('ngx-charts-bar-vertical path.bar[aria-label="9 1"]').waitFor();

    // --- The survey list counts the response.
    await page.getByTestId('surveys-back').click();
    await page.waitForURL(/\/surveys$/);
    const listRow = page.getByTestId('survey-row').filter({ hasText: surveyTitle });
    expect(await textOf(listRow.getByTestId('survey-row-responses'))).toBe('1');
    expect(await textOf(listRow.getByTestId('survey-row-status'))).toBe('Open');

    // --- Closing it: a clear banner for the team, a clear message for respondents.
    await listRow.getByTestId('survey-row-title').click();
    await openTab(page, 'survey-tab-distribution', /\/distribution$/);
    await page.getByTestId('survey-close').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('survey-closed-banner').waitFor();
    const late = await newUser(browser, 'en-US', { baseURL: server.baseUrl, viewport: { width: 375, height: 740 }, isMobile: true });
    await late.page.goto(publicLink);
    expect(await textOf(late.page.getByTestId('respondent-closed'))).toBe('This survey is closed and no longer accepts answers.');
    await late.context.close();
    await phone.context.close();
    await context.close();
  });

  it('should import responses from a Google Forms CSV after a dry run that lists the rows with problems', async () => {
    const { context, page } = await newUser(browser, 'en-US', { baseURL: server.baseUrl });
    await page.goto('/login');
    await page.getByTestId('login-email').fill(researcher.email);
    await page.getByTestId('login-password').fill(researcher.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/projects$/);
    await page.getByTestId('project-list').locator('a').first().click();
    await openTab(page, 'tab-surveys', /\/surveys$/);
    await page.getByTestId('survey-row-title').filter({ hasText: surveyTitle }).click();
    await openTab(page, 'survey-tab-import', /\/import$/);

    const header = ['Timestamp', questions.heard, questions.channels, questions.nps, questions.bought].map((title) => `"${title}"`).join(',');
    const csv = (rows: string[]): { name: string; mimeType: string; buffer: Buffer } => ({
      name: 'google-forms.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${[header, ...rows].join('\r\n')}\r\n`, 'utf8'),
    });
    const goodRows = ['1/5/2026 10:00:00,Instagram,"Website, Mobile app",10,Yes', '1/5/2026 11:00:00,A friend,Coffee shop,7,No'];

    // A row whose answer is not among the question's choices: the dry run names its row and column.
    await page.getByTestId('import-file').setInputFiles(csv([...goodRows, '1/5/2026 12:00:00,Radio,Website,5,Yes']));
    await page.getByTestId('import-mapping').waitFor();
    expect(await textsOf(page.getByTestId('import-column-title'), (texts) => texts.length === 5)).toEqual(header.split(',').map((title) => title.replace(/"/g, '')));
    // The suggested mapping is preselected: each question column goes to its question.
    const mapped = await textsOf(page.getByTestId('import-column-question'), (texts) => texts.length === 5);
    expect(mapped.slice(1)).toEqual([questions.heard, questions.channels, questions.nps, questions.bought]);
    await page.getByTestId('import-check').click();
    const problem = page.getByTestId('import-problem');
    await eventually(() => problem.count(), (count) => count >= 1, 20_000);
    const problemText = await textOf(problem.first());
    expect(problemText).toContain('4');
    expect(problemText).toContain(questions.heard);

    // The corrected file checks clean and imports as a background job.
    await page.getByRole('button', { name: 'Start over' }).click();
    await page.getByTestId('import-file').setInputFiles(csv(goodRows));
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-no-problems').waitFor({ timeout: 20_000 });
    await page.getByTestId('import-run').click();
    expect(await textOf(page.getByTestId('import-done'))).toBe('Imported 2 responses.');

    // The same file again: a duplicate warning and "Import anyway".
    await page.getByTestId('import-another').click();
    await page.getByTestId('import-file').setInputFiles(csv(goodRows));
    await page.getByTestId('import-duplicate').waitFor();
    await page.getByTestId('import-run-anyway').waitFor();

    // The imported answers count in the summary: 3 responses, "A friend" twice.
    await openTab(page, 'survey-tab-summary', /\/summary$/);
    await eventually(() => textOf(page.getByTestId('summary-total')), (text) => text === 'Responses: 3');
    const heardCard = page.getByTestId('summary-question').filter({ hasText: questions.heard });
    expect(await textsOf(heardCard.getByTestId('summary-count-row'), (texts) => texts.length === 3)).toEqual([
      'Instagram1',
      'A friend2',
      'Search engine0',
    ]);
    await context.close();
  });

  it('should show a strategist the survey, its responses and charts without any control that changes them', async () => {
    const strategist = { email: uniqueEmail('strategist'), password: 'strategist-password-1', name: 'Sofia Strategist' };
    // The researcher invites a strategist.
    const owner = await newUser(browser, 'en-US', { baseURL: server.baseUrl });
    await owner.page.goto('/login');
    await owner.page.getByTestId('login-email').fill(researcher.email);
    await owner.page.getByTestId('login-password').fill(researcher.password);
    await owner.page.getByTestId('login-submit').click();
    await owner.page.waitForURL(/\/projects$/);
    await owner.page.getByTestId('project-list').locator('a').first().click();
    await openTab(owner.page, 'tab-members', /\/members$/);
    await owner.page.getByTestId('member-email').fill(strategist.email);
    await owner.page.getByTestId('member-role').click();
    await owner.page.getByTestId('role-option-strategist').click();
    await owner.page.getByTestId('member-add').click();
    await owner.page.getByTestId('invite-link').waitFor();
    const inviteLink = await owner.page.getByTestId('invite-link').inputValue();
    await owner.context.close();

    const { context, page } = await newUser(browser, 'en-US', { baseURL: server.baseUrl });
    await page.goto(inviteLink);
    await page.getByTestId('register-display-name').fill(strategist.name);
    await page.getByTestId('register-password').fill(strategist.password);
    await page.getByTestId('register-submit').click();
    await page.waitForURL(/\/projects$/);
    await page.getByTestId('project-list').locator('a').first().click();
    await openTab(page, 'tab-surveys', /\/surveys$/);
    await page.getByTestId('survey-row-title').filter({ hasText: surveyTitle }).click();
    await page.waitForURL(/\/builder$/);
    await page.getByTestId('survey-read-only').waitFor();
    // The questions and the preview are there; nothing to edit them with.
    await eventually(() => page.getByTestId('question-editor').count(), (count) => count === 6);
    for (const control of ['builder-save', 'builder-add-question', 'question-remove', 'builder-add-page', 'builder-json-apply']) {
      expect(await page.getByTestId(control).count()).toBe(0);
    }
    expect(await page.getByTestId('question-title').first().isDisabled()).toBe(true);
    expect(await page.getByTestId('survey-tab-import').count()).toBe(0);
    await openTab(page, 'survey-tab-mapping', /\/mapping$/);
    await eventually(() => page.getByTestId('mapping-row').count(), (count) => count === 6);
    expect(await page.getByTestId('mapping-save').count()).toBe(0);
    await openTab(page, 'survey-tab-distribution', /\/distribution$/);
    await page.getByTestId('distribution-status').waitFor();
    for (const control of ['survey-open', 'survey-close', 'survey-to-draft', 'survey-delete']) {
      expect(await page.getByTestId(control).count()).toBe(0);
    }
    await openTab(page, 'survey-tab-responses', /\/responses$/);
    await eventually(() => page.getByTestId('response-row').count(), (count) => count === 3);
    expect(await page.getByTestId('response-delete').count()).toBe(0);
    await openTab(page, 'survey-tab-summary', /\/summary$/);
    await eventually(() => textOf(page.getByTestId('summary-total')), (text) => text === 'Responses: 3');
    await context.close();
  });

  it('should tell a respondent when the survey link is unknown', async () => {
    const { context, page } = await newUser(browser, 'en-US', { baseURL: server.baseUrl });
    await page.goto('/s/no-such-survey-token');
    expect(await textOf(page.getByTestId('respondent-not-found'))).toBe('Survey not found. Check the link.');
    await context.close();
  });
});
