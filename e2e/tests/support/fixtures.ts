import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { MIN_SECRET_LENGTH, tokenOfLink, writeEvidence, type Evidence } from './leaks';

export const DEMO_EMAIL = 'demo@topocloud.test';
export const DEMO_PASSWORD = 'TopoCloud-demo-2026';

type Fixtures = {
  /**
   * Console lines a test provokes on purpose (an injected 500, a dropped request), as one
   * RegExp: `test.use` would read an array as a [value, options] pair.
   */
  expectedConsole: RegExp | null;
  /** Uncaught page errors a test provokes on purpose (the wasm failing to load). */
  expectedPageError: RegExp | null;
  consoleProblems: string[];
  /** Collects secrets and the places they must never appear (see leaks.ts). */
  leakEvidence: void;
};

/** The running test's evidence, so helpers such as `linkFromMail` can add the secrets they see. */
let currentEvidence: { add(kind: 'password' | 'token', value: unknown, how: string): void } | null = null;

/** Declares a secret the test handles outside the browser (e.g. a password sent with `page.request`). */
export function recordSecret(kind: 'password' | 'token', value: string, how = 'declared by the test') {
  currentEvidence?.add(kind, value, how);
}

/**
 * Every test fails on a WASM panic or any console error. Tolerated: Chromium's note that a
 * fetch got a 4xx answer (a signed-out `GET /api/session` is a 401 by contract), and
 * whatever the test itself declared in `expectedConsole`.
 */
export const test = base.extend<Fixtures>({
  expectedConsole: [null, { option: true }],
  expectedPageError: [null, { option: true }],
  leakEvidence: [
    async ({ context, baseURL }, use, testInfo) => {
      const evidence: Evidence[] = [];
      const source = testInfo.titlePath.slice(1).join(' › ');
      const add = (kind: 'password' | 'token', value: unknown, how: string) => {
        if (typeof value === 'string' && value.length >= MIN_SECRET_LENGTH) {
          // Typed key by key, a password passes through its own beginnings ("TopoClou"),
          // which are not secrets: only the longest of them is kept.
          if (how === 'typed') {
            for (let i = evidence.length - 1; i >= 0; i--) {
              const earlier = evidence[i];
              if (earlier.kind === 'secret' && earlier.secret.source.endsWith('(typed)') && value.startsWith(earlier.secret.value)) {
                evidence.splice(i, 1);
              }
            }
          }
          evidence.push({ kind: 'secret', secret: { kind, value, source: `${source} (${how})` } });
        }
      };
      const place = (kind: 'url' | 'console' | 'storage', value: string) =>
        evidence.push({ kind: 'place', place: { kind, value, source } });
      currentEvidence = { add };

      // Whatever is typed into a password field, however it was typed.
      await context.exposeBinding('__e2eTypedPassword', (_source, value: unknown) => add('password', value, 'typed'));
      await context.addInitScript(() => {
        const report = (event: Event) => {
          const input = event.target;
          if (input instanceof HTMLInputElement && (input.type === 'password' || /-password$/.test(input.autocomplete))) {
            (window as unknown as { __e2eTypedPassword?: (v: string) => void }).__e2eTypedPassword?.(input.value);
          }
        };
        document.addEventListener('input', report, true);
        document.addEventListener('change', report, true);
      });
      context.on('request', (request) => {
        place('url', request.url());
        // Every password and token the site sends is a secret, typed or not.
        const body = request.postData();
        if (!body) return;
        try {
          const json = JSON.parse(body) as Record<string, unknown>;
          add('password', json?.password, `sent to ${new URL(request.url()).pathname}`);
          add('token', json?.token, `sent to ${new URL(request.url()).pathname}`);
        } catch {
          // Not JSON: nothing to learn.
        }
      });
      context.on('console', (message) => place('console', message.text()));
      context.on('weberror', (error) => place('console', String(error.error())));

      await use();

      for (const p of context.pages()) {
        if (p.isClosed() || !baseURL || !p.url().startsWith(baseURL)) continue;
        const read = () =>
          p.evaluate(() => {
            const all: string[] = [];
            for (const [name, storage] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]] as const) {
              for (let i = 0; i < storage.length; i++) {
                const key = storage.key(i) as string;
                all.push(`${name} ${key}=${storage.getItem(key)}`);
              }
            }
            return all;
          });
        // A test that ends on a page still loading (its address changed, its document not
        // yet there) is read once that page has loaded, not skipped.
        const stored = await read()
          .catch(() => p.waitForLoadState('domcontentloaded', { timeout: 10_000 }).then(read))
          .catch(() => [] as string[]);
        stored.forEach((entry) => place('storage', entry));
      }
      currentEvidence = null;
      writeEvidence(evidence);
    },
    { auto: true },
  ],
  consoleProblems: [
    async ({ page, expectedConsole, expectedPageError }, use) => {
      const problems: string[] = [];
      // Every Content-Security-Policy violation is reported as a console line by the page.
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(`securitypolicyviolation: ${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      page.on('pageerror', (error) => {
        if (!expectedPageError?.test(error.message)) problems.push(`pageerror: ${error.message}`);
      });
      page.on('console', (message) => {
        const text = message.text();
        const expected4xx = /Failed to load resource: the server responded with a status of 4\d\d/;
        if (text.includes('panicked at')) problems.push(`panic: ${text}`);
        else if (message.type() !== 'error') return;
        else if (expected4xx.test(text) || expectedConsole?.test(text)) return;
        else problems.push(`console: ${text}`);
      });
      await use(problems);
      expect(problems, 'console errors or panics during the test').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** A fresh address per test, so rate limits and mail never collide between tests. */
export function uniqueEmail(prefix = 'e2e'): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e9)}@topocloud.test`;
}

/** axe-core with the WCAG 2.2 A/AA rule sets: zero violations allowed. */
export async function expectNoAxeViolations(page: Page, state: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations (${state})`).toEqual([]);
}

export async function switchToEnglish(page: Page) {
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

/** The login screen, found the way a screen reader user finds it. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto(query = '') {
    await this.page.goto(`/users/login${query}`);
    await expect(this.submit).toBeVisible();
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
  get remember() {
    return this.page.getByLabel(/Ingelogd blijven|Keep me signed in/);
  }
  get submit() {
    return this.page.getByRole('button', { name: /^(Aanmelden|Sign in)$/ });
  }
  get alert() {
    return this.page.getByRole('alert').filter({ hasText: /\S/ });
  }

  async signIn(email: string, password: string) {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}

/** One message from the reference backend's dev mailbox. */
export type Mail = { to: string; subject: string; text: string; html: string; links: string[]; kind: string; locale: string };

/** Every email to `to`, newest first. */
export async function mailTo(page: Page, to: string): Promise<Mail[]> {
  const response = await page.request.get(`/dev/api/mail?to=${encodeURIComponent(to)}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Mail[];
}

/** The newest link in mail to `to` that contains `path`, waiting briefly for it. */
export async function linkFromMail(page: Page, to: string, path: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      link = (await mailTo(page, to)).flatMap((m) => m.links).find((l) => l.includes(path));
      return link;
    })
    .toBeTruthy();
  const token = tokenOfLink(link as string);
  if (token) recordSecret('token', token, 'emailed link');
  return link as string;
}

/** Moves the reference backend's clock forward (dev mode only). */
export async function advanceClock(page: Page, seconds: number) {
  const response = await page.request.post('/dev/api/clock', { data: { advance_seconds: seconds } });
  expect(response.status()).toBe(200);
}

/** A fresh, confirmed account made through the real API (registration + verification link). */
export async function createAccount(page: Page, prefix = 'account'): Promise<{ email: string; password: string }> {
  const email = uniqueEmail(prefix);
  const password = `Meetlat-${Math.floor(Math.random() * 1e9)}-theodoliet`;
  recordSecret('password', password, 'createAccount');
  const headers = { 'x-topocloud-csrf': '1' };
  const registered = await page.request.post('/api/registrations', {
    headers,
    data: { name: 'E2E Landmeter', email, password, organisation: 'E2E BV', accept_terms: true, locale: 'nl' },
  });
  expect(registered.status()).toBe(202);
  const link = await linkFromMail(page, email, '/users/verify-email');
  const token = new URL(link).hash.replace('#token=', '');
  const verified = await page.request.post('/api/email-verifications', { headers, data: { token } });
  expect(verified.status()).toBe(200);
  return { email, password };
}

/**
 * Returns once every request the page has started so far is known to the test (its
 * `request` listeners and route handlers have seen it), for checking that a click sent
 * nothing without a fixed sleep. The page sends a harmless request of its own and the test
 * waits until it is seen and answered: Playwright reports a page's requests in the order
 * the page starts them, and the site starts one within the task that asks for it (the
 * click) or that task's microtasks (`spawn_local`), so a request the click sent comes first.
 */
export async function requestsSoFarSeen(page: Page) {
  const sentinel = `/api/config?sentinel=${Date.now()}-${Math.floor(Math.random() * 1e9)}`;
  const seen = page.waitForRequest((r) => r.url().endsWith(sentinel));
  await page.evaluate((url) => fetch(url).then(() => undefined), sentinel);
  await seen;
}

/** Returns once the page has drawn two more frames: what the current task set going is on screen. */
export async function nextFrames(page: Page) {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}
