import { STAGE_TEMPLATE_STAGES } from '@tropa/contracts';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newUser, uniqueEmail } from './support/browser';
import { dragTo, eventually, textOf, textsOf } from './support/wait';

/**
 * The foundation journey: an owner sets a project up and invites a strategist, who
 * sees everything read-only and switches the interface to Russian.
 */
describe('Project foundation', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const englishStages = STAGE_TEMPLATE_STAGES.seven.map((stage) => stage.en);
  const projectName = 'Coffee to go';
  const renamedStage = 'Interest and research';
  const personaName = 'Busy parent';
  const touchpointName = 'Mobile app';
  const owner = { email: uniqueEmail('owner'), password: 'owner-password-1', name: 'Olga Owner' };
  const strategist = { email: uniqueEmail('strategist'), password: 'strategist-password-1', name: 'Sofia Strategist' };

  async function openTab(page: Page, tab: string): Promise<void> {
    await page.getByTestId(`tab-${tab}`).click();
    await page.waitForURL(new RegExp(`/${tab}$`));
  }

  it('should let an owner build a project and a strategist view it read-only when invited', async () => {
    // --- The first user registers and lands on an empty project list.
    const ownerBrowser = await newUser(browser);
    const page = ownerBrowser.page;
    await page.goto('/register');
    await page.getByTestId('register-email').fill(owner.email);
    await page.getByTestId('register-display-name').fill(owner.name);
    await page.getByTestId('register-password').fill(owner.password);
    await page.getByTestId('register-submit').click();
    await page.waitForURL(/\/projects$/);
    expect(await textOf(page.getByTestId('projects-empty'))).toContain('No projects yet');
    expect(await textOf(page.getByTestId('current-user'))).toBe(owner.name);

    // --- Create a project from the 7-stage template; the preview lists its stages.
    await page.getByTestId('new-project').click();
    await page.waitForURL(/\/projects\/new$/);
    expect(await textsOf(page.getByTestId('template-preview-seven').locator('li'), (texts) => texts.length === 7)).toEqual(
      englishStages,
    );
    await page.getByTestId('project-name').fill(projectName);
    await page.getByTestId('project-description').fill('How people buy coffee on the way to work');
    await page.getByTestId('template-seven').click();
    await page.getByTestId('project-submit').click();
    await page.waitForURL(/\/projects\/[0-9a-f-]+\/stages$/);
    expect(await textOf(page.getByTestId('project-title'))).toBe(projectName);
    expect(await textsOf(page.getByTestId('stage-name'), (texts) => texts.length === 7)).toEqual(englishStages);

    // --- Rename the second stage inline.
    await page.getByTestId('stage-item').nth(1).getByTestId('stage-rename').click();
    await page.getByTestId('stage-name-input').fill(renamedStage);
    await page.getByTestId('stage-save').click();
    const stagesAfterRename = await textsOf(page.getByTestId('stage-name'), (texts) => texts[1] === renamedStage);
    expect(stagesAfterRename).toEqual([englishStages[0], renamedStage, ...englishStages.slice(2)]);
    // It is saved, not only shown: a reload brings it back from the server.
    await page.reload();
    await textsOf(page.getByTestId('stage-name'), (texts) => texts[1] === renamedStage);

    // --- Drag the first stage below the third; the order is saved (PUT order) and survives a reload.
    const items = page.getByTestId('stage-item');
    await dragTo(items.nth(0).locator('.handle'), items.nth(2));
    const dragged = [renamedStage, englishStages[2], englishStages[0], ...englishStages.slice(3)];
    await textsOf(page.getByTestId('stage-name'), (texts) => texts[2] === englishStages[0]);
    await page.waitForLoadState('networkidle');
    await page.reload();
    expect(await textsOf(page.getByTestId('stage-name'), (texts) => texts.length === 7)).toEqual(dragged);
    // Keyboard-friendly arrows do the same: move it back up twice.
    await items.nth(2).getByTestId('stage-up').click();
    await textsOf(page.getByTestId('stage-name'), (texts) => texts[1] === englishStages[0]);
    await items.nth(1).getByTestId('stage-up').click();
    expect(await textsOf(page.getByTestId('stage-name'), (texts) => texts[0] === englishStages[0])).toEqual(stagesAfterRename);
    await page.waitForLoadState('networkidle');

    // --- Add a stage, then delete it after confirming in the dialog.
    await page.getByTestId('stage-new-name').fill('Temporary stage');
    await page.getByTestId('stage-add').click();
    await textsOf(page.getByTestId('stage-name'), (texts) => texts.length === 8 && texts[7] === 'Temporary stage');
    expect(await page.getByTestId('stage-new-name').inputValue()).toBe('');
    await page.getByTestId('stage-item').nth(7).getByTestId('stage-delete').click();
    expect(await textOf(page.getByRole('dialog'))).toContain('Temporary stage');
    await page.getByTestId('confirm-ok').click();
    expect(await textsOf(page.getByTestId('stage-name'), (texts) => texts.length === 7)).toEqual(stagesAfterRename);

    // --- Add a persona with a goal and an attribute.
    await openTab(page, 'personas');
    await page.getByTestId('persona-new').click();
    await page.getByTestId('persona-name').fill(personaName);
    await page.getByTestId('persona-description').fill('Two kids, always in a hurry');
    await page.getByTestId('persona-add-goal').click();
    await page.getByTestId('persona-goal').fill('Get coffee without queueing');
    await page.getByTestId('persona-add-attribute').click();
    await page.getByTestId('persona-attribute-key').fill('Age');
    await page.getByTestId('persona-attribute-value').fill('30–40');
    await page.getByTestId('persona-save').click();
    expect(await textsOf(page.getByTestId('persona-card-name'), (texts) => texts.length === 1)).toEqual([personaName]);
    expect(await textOf(page.getByTestId('persona-card'))).toContain('Get coffee without queueing');

    // --- Add a touchpoint: channel, stage, alias.
    await openTab(page, 'touchpoints');
    await page.getByTestId('touchpoint-new').click();
    await page.getByTestId('touchpoint-name').fill(touchpointName);
    await page.getByTestId('touchpoint-channel').click();
    await page.getByTestId('channel-option-app').click();
    await page.getByTestId('touchpoint-department').fill('Digital');
    await page.getByTestId('touchpoint-stages').click();
    await page.getByRole('option', { name: 'Awareness' }).click();
    await page.getByRole('option', { name: 'Purchase' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('touchpoint-alias-input').fill('app');
    await page.getByTestId('touchpoint-alias-input').press('Enter');
    await page.getByTestId('touchpoint-save').click();
    const row = page.getByTestId('touchpoint-row');
    expect(await textsOf(row.getByTestId('touchpoint-row-name'), (texts) => texts.length === 1)).toEqual([touchpointName]);
    const rowText = await textOf(row);
    expect(rowText).toContain('Mobile app');
    expect(rowText).toContain('Awareness');
    expect(rowText).toContain('Purchase');
    expect(rowText).toContain('Digital');

    // --- Invite a strategist by email and get the link.
    await openTab(page, 'members');
    await page.getByTestId('member-email').fill(strategist.email);
    await page.getByTestId('member-role').click();
    await page.getByTestId('role-option-strategist').click();
    await page.getByTestId('member-add').click();
    await page.getByTestId('invite-link').waitFor();
    const inviteLink = await page.getByTestId('invite-link').inputValue();
    expect(inviteLink).toMatch(/\/invite\/[^/]+$/);
    // The invitations list reloads after the invite: wait for the new row, not just the table.
    await eventually(() => textOf(page.getByTestId('invitation-table')), (text) => text.includes(strategist.email));
    await ownerBrowser.context.close();

    // --- The strategist opens the link in a fresh browser and registers.
    const guest = await newUser(browser);
    const strategistPage = guest.page;
    await strategistPage.goto(inviteLink);
    const preview = await textOf(strategistPage.getByTestId('invite-preview'));
    expect(preview).toContain(projectName);
    expect(preview).toContain('Strategist');
    expect(await strategistPage.getByTestId('register-email').inputValue()).toBe(strategist.email);
    await strategistPage.getByTestId('register-display-name').fill(strategist.name);
    await strategistPage.getByTestId('register-password').fill(strategist.password);
    await strategistPage.getByTestId('register-submit').click();
    await strategistPage.waitForURL(/\/projects$/);

    // --- The project is there, with the strategist's role and no "New project" button.
    const projectCard = strategistPage.getByTestId('project-list').locator('a');
    expect(await textsOf(projectCard.getByTestId('project-card-name'), (texts) => texts.length === 1)).toEqual([projectName]);
    expect(await textOf(projectCard)).toContain('Strategist');
    expect(await strategistPage.getByTestId('new-project').count()).toBe(0);

    // --- Stages: all of them, read-only.
    await projectCard.click();
    await strategistPage.waitForURL(/\/stages$/);
    expect(await textOf(strategistPage.getByTestId('my-role'))).toBe('Strategist');
    await strategistPage.getByTestId('read-only-note').waitFor();
    expect(await textsOf(strategistPage.getByTestId('stage-name'), (texts) => texts.length === 7)).toEqual(stagesAfterRename);
    for (const control of ['stage-rename', 'stage-delete', 'stage-up', 'stage-down', 'stage-add', 'stage-create-form']) {
      expect(await strategistPage.getByTestId(control).count()).toBe(0);
    }
    expect(await strategistPage.locator('.cdk-drag-handle').count()).toBe(0);

    // --- Personas: the persona, no edit controls.
    await openTab(strategistPage, 'personas');
    expect(await textsOf(strategistPage.getByTestId('persona-card-name'), (texts) => texts.length === 1)).toEqual([personaName]);
    for (const control of ['persona-new', 'persona-edit', 'persona-delete']) {
      expect(await strategistPage.getByTestId(control).count()).toBe(0);
    }

    // --- Touchpoints: the touchpoint with its stages, no edit controls.
    await openTab(strategistPage, 'touchpoints');
    const strategistRow = strategistPage.getByTestId('touchpoint-row');
    expect(await textsOf(strategistRow.getByTestId('touchpoint-row-name'), (texts) => texts.length === 1)).toEqual([
      touchpointName,
    ]);
    expect(await textOf(strategistRow)).toContain('Awareness');
    for (const control of ['touchpoint-new', 'touchpoint-edit', 'touchpoint-delete']) {
      expect(await strategistPage.getByTestId(control).count()).toBe(0);
    }

    // --- Members: can see who is in the project, cannot add, change or remove anyone; no audit tab.
    await openTab(strategistPage, 'members');
    await textsOf(strategistPage.getByTestId('member-row-email'), (texts) => texts.includes(strategist.email));
    for (const control of ['add-member-form', 'member-remove', 'member-row-role-select', 'invitation-table']) {
      expect(await strategistPage.getByTestId(control).count()).toBe(0);
    }
    expect(await strategistPage.getByTestId('tab-audit').count()).toBe(0);

    // --- General: read-only facts, no form, no delete.
    await openTab(strategistPage, 'general');
    await strategistPage.getByTestId('project-general-readonly').waitFor();
    expect(await strategistPage.getByTestId('project-form').count()).toBe(0);
    expect(await strategistPage.getByTestId('project-delete').count()).toBe(0);

    // --- The language switch turns the interface Russian, and it is remembered for the user.
    await strategistPage.getByTestId('lang-ru').click();
    await eventually(() => textOf(strategistPage.getByTestId('tab-stages')), (text) => text === 'Этапы');
    expect(await textOf(strategistPage.getByTestId('tab-personas'))).toBe('Персоны');
    expect(await textOf(strategistPage.getByTestId('my-role'))).toBe('Стратег');
    expect(await strategistPage.getAttribute('html', 'lang')).toBe('ru');
    await strategistPage.getByTestId('logout').click();
    await strategistPage.waitForURL(/\/login/);
    await guest.context.close();

    // A new browser with an English locale and no stored choice: after login the UI is Russian.
    const again = await newUser(browser);
    await again.page.goto('/login');
    expect(await textOf(again.page.getByTestId('login-submit'))).toBe('Log in');
    await again.page.getByTestId('login-email').fill(strategist.email);
    await again.page.getByTestId('login-password').fill(strategist.password);
    await again.page.getByTestId('login-submit').click();
    await again.page.waitForURL(/\/projects$/);
    await eventually(() => textOf(again.page.getByTestId('nav-projects')), (text) => text === 'Проекты');
    await again.context.close();
  });
  it('should let the owner rename the project, change a role, revoke an invitation and read the audit log', async () => {
    const { context, page } = await newUser(browser);
    await page.goto('/login');
    await page.getByTestId('login-email').fill(owner.email);
    await page.getByTestId('login-password').fill(owner.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/projects$/);
    await page.getByTestId('project-list').locator('a').first().click();
    await page.waitForURL(/\/stages$/);

    // General settings: the new name shows in the header at once.
    await openTab(page, 'general');
    await page.getByTestId('project-name').fill(`${projectName} (v2)`);
    await page.getByTestId('project-submit').click();
    await eventually(() => textOf(page.getByTestId('project-title')), (text) => text === `${projectName} (v2)`);

    // Members: the strategist becomes a researcher.
    await openTab(page, 'members');
    const strategistRow = page.getByTestId('member-row').filter({ hasText: strategist.email });
    await strategistRow.getByTestId('member-row-role-select').click();
    await page.getByRole('option', { name: 'Researcher' }).click();
    await page.waitForLoadState('networkidle');
    await page.reload();
    expect(await textOf(page.getByTestId('member-row').filter({ hasText: strategist.email }))).toContain('Researcher');

    // Invite someone else, then revoke it.
    await page.getByTestId('member-email').fill(uniqueEmail('moderator'));
    await page.getByTestId('member-role').click();
    await page.getByTestId('role-option-moderator').click();
    await page.getByTestId('member-add').click();
    await page.getByTestId('invite-link').waitFor();
    await page.getByTestId('invitation-revoke').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('invitations-empty').waitFor();

    // The audit log tells the story.
    await openTab(page, 'audit');
    const actions = await textsOf(page.getByTestId('audit-row'), (texts) => texts.some((text) => text.includes('Invitation revoked')));
    const all = actions.join('\n');
    for (const action of ['Project created', 'Project updated', 'Invitation created', 'Role changed', 'Invitation revoked']) {
      expect(all).toContain(action);
    }
    await context.close();
  });
});
