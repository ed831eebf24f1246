import { test as base, expect, type Page } from '@playwright/test';

export const DEMO_EMAIL = 'demo@topocloud.test';
export const DEMO_PASSWORD = 'TopoCloud-demo-2026';

/**
 * Every test fails on a WASM panic or any console error. The one console line tolerated
 * is Chromium's own note that a fetch got a 4xx answer (a signed-out `GET /api/session`
 * is a 401 by contract); a 5xx is never tolerated.
 */
export const test = base.extend<{ consoleProblems: string[] }>({
  consoleProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        const text = message.text();
        const expected4xx = /Failed to load resource: the server responded with a status of 4\d\d/;
        if (text.includes('panicked at')) problems.push(`panic: ${text}`);
        else if (message.type() === 'error' && !expected4xx.test(text)) problems.push(`console: ${text}`);
      });
      await use(problems);
      expect(problems, 'console errors or panics during the test').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The login screen, found the way a screen reader user finds it. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto(query = '') {
    await this.page.goto(`/users/login${query}`);
    await expect(this.heading).toBeVisible();
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1 });
  }
  get email() {
    return this.page.getByLabel(/E-mailadres|Email address/);
  }
  get password() {
    return this.page.getByLabel(/^(Wachtwoord|Password)$/);
  }
  get submit() {
    return this.page.getByRole('button', { name: /^(Aanmelden|Sign in)$/ });
  }
  get alert() {
    return this.page.locator('.form-alert');
  }

  async signIn(email: string, password: string) {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}
