import type { Browser } from 'playwright-core';
import { launchBrowser, newUser, uniqueEmail } from './support/browser';
import { startServer, stopServer } from './support/server-process.cjs';
import type { ServerProcess } from './support/server-process.cjs';
import { textOf, textsOf } from './support/wait';

/**
 * A new user's first minute: register on a fresh instance, see the empty project
 * list, press "Create demo project", note the demo accounts' passwords and land
 * on a journey map full of findings; a demo account can then sign in with them.
 */
describe('Demo project', () => {
  let browser: Browser;
  let server: ServerProcess;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
  }, 30_000);

  const owner = { email: uniqueEmail('owner'), password: 'owner-password-1', name: 'Nina Newcomer' };

  it('should create the demo from the empty list, show the passwords once and open a map with findings', async () => {
    const { context, page } = await newUser(browser, 'en-US', { baseURL: server.baseUrl });
    await page.goto('/register');
    await page.getByTestId('register-email').fill(owner.email);
    await page.getByTestId('register-display-name').fill(owner.name);
    await page.getByTestId('register-password').fill(owner.password);
    await page.getByTestId('register-submit').click();
    await page.waitForURL(/\/projects$/);
    expect(await textOf(page.getByTestId('projects-empty'))).toContain('No projects yet');

    await page.getByTestId('create-demo').click();
    const dialog = page.getByTestId('demo-users');
    await dialog.waitFor({ timeout: 120_000 });
    expect(await textsOf(dialog.locator('tbody tr'), (texts) => texts.length === 3)).toHaveLength(3);
    const moderatorRow = page.getByTestId('demo-user-moderator');
    const moderatorEmail = await textOf(moderatorRow.getByTestId('demo-user-email'));
    const moderatorPassword = await textOf(moderatorRow.getByTestId('demo-user-password'));
    expect(moderatorEmail).toMatch(/^demo-moderator-.+@/);
    expect(moderatorPassword.length).toBeGreaterThanOrEqual(12);

    await page.getByTestId('demo-open').click();
    await page.waitForURL(/\/projects\/[0-9a-f-]+\/journey$/);
    expect(await textOf(page.getByTestId('project-title'))).toBe('Онлайн-магазин косметики (демо)');
    const findings = await textsOf(page.getByTestId('finding-card'), (texts) => texts.length >= 7);
    expect(findings.length).toBeGreaterThanOrEqual(7);
    await context.close();

    // The moderator's password works — and was shown only in that dialog.
    const moderator = await newUser(browser, 'en-US', { baseURL: server.baseUrl });
    await moderator.page.goto('/login');
    await moderator.page.getByTestId('login-email').fill(moderatorEmail);
    await moderator.page.getByTestId('login-password').fill(moderatorPassword);
    await moderator.page.getByTestId('login-submit').click();
    await moderator.page.waitForURL(/\/projects$/);
    expect(await textsOf(moderator.page.getByTestId('project-card-name'), (texts) => texts.length === 1)).toEqual(['Онлайн-магазин косметики (демо)']);
    await moderator.context.close();
  }, 180_000);
});
