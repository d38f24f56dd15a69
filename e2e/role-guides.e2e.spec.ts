import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { api } from './support/api';
import { launchBrowser, newUser, uniqueEmail } from './support/browser';
import { startServer, stopServer } from './support/server-process.cjs';
import type { ServerProcess } from './support/server-process.cjs';

/**
 * Each role's main screens on the demo project, as the README's guides show them.
 * The screenshots go to tmp/screenshots (or docs/screenshots with
 * TROPA_E2E_SCREENSHOTS=docs, which is how the README's images are made); the test
 * checks that each screen shows what the guide says it shows.
 */
const ROOT = join(__dirname, '..');
const OUT = process.env.TROPA_E2E_SCREENSHOTS === 'docs' ? join(ROOT, 'docs/screenshots') : join(ROOT, 'tmp/screenshots');

interface DemoUser {
  role: 'researcher' | 'moderator' | 'strategist';
  email: string;
  password: string;
}

describe('Role guides on the demo project', () => {
  let browser: Browser;
  let server: ServerProcess;
  let projectId: string;
  let users: DemoUser[];

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    [browser, server] = await Promise.all([launchBrowser(), startServer({ env: { TROPA_AUTH_RATE_LIMIT: '100' } })]);
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

  async function as(role: DemoUser['role']): Promise<{ page: Page; close: () => Promise<void> }> {
    const user = users.find((u) => u.role === role)!;
    const { context, page } = await newUser(browser, 'ru-RU', { baseURL: server.baseUrl, viewport: { width: 1440, height: 900 } });
    await page.goto('/login');
    await page.getByTestId('login-email').fill(user.email);
    await page.getByTestId('login-password').fill(user.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/projects$/);
    return { page, close: () => context.close() };
  }

  async function shot(page: Page, name: string): Promise<void> {
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUT, `${name}.png`) });
  }

  it('should show a researcher the survey responses with their charts', async () => {
    const { page, close } = await as('researcher');
    await page.goto(`/projects/${projectId}/surveys`);
    await page.getByTestId('survey-row-title').first().click();
    await page.waitForURL(/\/surveys\/[0-9a-f-]+\/builder/);
    await page.goto(page.url().replace(/\/builder.*$/, '/summary'));
    await page.locator('ngx-charts-bar-vertical, ngx-charts-bar-horizontal-stacked').first().waitFor({ timeout: 30_000 });
    await shot(page, 'researcher-survey-summary');
    await close();
  }, 60_000);

  it('should show a moderator a tagged transcript with highlights in their colours', async () => {
    const { page, close } = await as('moderator');
    await page.goto(`/projects/${projectId}/sessions`);
    await page.getByTestId('session-row-title').first().click();
    await page.getByTestId('highlight').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('highlight').first().scrollIntoViewIfNeeded();
    await shot(page, 'moderator-transcript');
    await close();
  }, 60_000);

  it('should show a strategist the journey map with findings and the synthesis board', async () => {
    const { page, close } = await as('strategist');
    await page.goto(`/projects/${projectId}/synthesis`);
    await page.getByTestId('cluster-card').first().waitFor({ timeout: 30_000 });
    await shot(page, 'strategist-synthesis');
    await page.goto(`/projects/${projectId}/journey`);
    await page.getByTestId('finding-card').first().waitFor({ timeout: 30_000 });
    await shot(page, 'strategist-journey-map');
    await page.getByTestId('journey-grid').scrollIntoViewIfNeeded();
    await shot(page, 'strategist-journey-grid');
    await close();
  }, 60_000);
});
