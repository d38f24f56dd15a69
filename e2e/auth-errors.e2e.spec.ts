import type { Browser } from 'playwright-core';
import { launchBrowser, newUser } from './support/browser';
import { textOf } from './support/wait';

describe('Sign-in errors', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('should say the email or password is wrong when the login fails', async () => {
    const { context, page } = await newUser(browser);
    await page.goto('/login');
    await page.getByTestId('login-email').fill('nobody@example.com');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();

    expect(await textOf(page.getByTestId('form-error'))).toBe('Invalid email or password');
    expect(page.url()).toMatch(/\/login$/);
    await context.close();
  });

  it('should show the server field errors next to their fields when the registration is invalid', async () => {
    const { context, page } = await newUser(browser);
    await page.goto('/register');
    await page.getByTestId('register-email').fill('not-an-email');
    await page.getByTestId('register-display-name').fill('Someone');
    await page.getByTestId('register-password').fill('short');
    await page.getByTestId('register-submit').click();

    const emailField = page.locator('mat-form-field', { has: page.getByTestId('register-email') });
    const passwordField = page.locator('mat-form-field', { has: page.getByTestId('register-password') });
    expect(await textOf(emailField.getByTestId('error-email'))).toMatch(/email/i);
    expect(await textOf(passwordField.getByTestId('error-password'))).toMatch(/8/);
    // The field that was fine has no error.
    expect(await page.getByTestId('error-displayName').count()).toBe(0);
    await context.close();
  });
});
