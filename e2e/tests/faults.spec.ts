/**
 * Faults injected between every form and the backend (issue #9), table-driven:
 * SCREENS (tests/support/faults.ts) × SCENARIOS (below). For each pair: the translated
 * sentence, every typed value still in place, the button usable again, exactly one request
 * per click, and no panic or unexpected console error (the fixture). Each pair is counted
 * by tests/support/faults-reporter.ts, which prints
 * "fault scenarios × screens tried: N, inputs lost: 0" at the end of the run.
 */
import { test, expect, requestsSoFarSeen } from './support/fixtures';
import {
  SAY, SCREENS, SUITE_BACKEND, alertOf, lostInputs, recordTried, type Lang, type Screen,
} from './support/faults';
import { PrivateBackend } from './support/private-backend';
import type { Page, Route } from '@playwright/test';

/** src/api/mod.rs TIMEOUT_MS. */
const SITE_TIMEOUT_MS = 15_000;

type Scenario = {
  name: string;
  /** The sentence the person reads. */
  says(lang: Lang, screen: Screen): string | RegExp;
  /** How the endpoint answers attempt `n` (1-based); `now` is the page's clock (ms). */
  answer(route: Route, n: number, screen: Screen, now: number): Promise<void>;
  /** Needs page.clock (timeouts, waiting out a 429). */
  clock?: boolean;
  /** Retry-After in seconds the site should wait, for the lock check. */
  lockSeconds?: number;
};

const html = (status: number) => (route: Route) =>
  route.fulfill({
    status,
    contentType: 'text/html',
    body: `<!doctype html><title>${status}</title><h1>Service Unavailable</h1><p>upstream said no</p>`,
  });

const tooMany = (
  retryAfter: (now: number) => string | undefined,
  lockSeconds: number,
  wait: Record<Lang, string>,
): Omit<Scenario, 'name'> => ({
  clock: true,
  lockSeconds,
  // The wait in words, from the header (or a minute without one).
  says: (lang, screen) =>
    screen.countsDown
      ? new RegExp(SAY[lang].tooManyWait.source.slice(1, -1).replace(/\\d\+ \(.*\)/, wait[lang]))
      : SAY[lang].tooMany,
  answer: (route, _n, _screen, now) => {
    const value = retryAfter(now);
    return route.fulfill({
      status: 429,
      contentType: 'application/problem+json',
      headers: value === undefined ? {} : { 'retry-after': value },
      body: JSON.stringify({ type: 'about:blank', title: 'Too Many Requests', status: 429, code: 'too_many_attempts' }),
    });
  },
});

const SCENARIOS: Scenario[] = [
  {
    name: 'network down',
    says: (lang) => SAY[lang].network,
    answer: (route) => route.abort('internetdisconnected'),
  },
  {
    name: 'request hangs past the timeout',
    clock: true,
    says: (lang) => SAY[lang].timeout,
    // Never answered: the site's own AbortController must give up.
    answer: () => new Promise<void>(() => {}),
  },
  { name: '500 with an HTML body', says: (lang) => SAY[lang].server, answer: html(500) },
  { name: '502 with an HTML body', says: (lang) => SAY[lang].server, answer: html(502) },
  { name: '503 with an HTML body', says: (lang) => SAY[lang].server, answer: html(503) },
  {
    name: 'malformed JSON',
    says: (lang) => SAY[lang].malformed,
    answer: (route) =>
      route.fulfill({ status: 400, contentType: 'application/problem+json', body: '{"type":"about:blank","status":400,"code":"invalid_cred' }),
  },
  {
    // Problem JSON that would mean something, but labelled as HTML: not trusted.
    name: 'wrong content type',
    says: (lang) => SAY[lang].malformed,
    answer: (route) =>
      route.fulfill({ status: 401, contentType: 'text/html', body: JSON.stringify({ status: 401, code: 'invalid_credentials' }) }),
  },
  {
    // A captive portal or a misrouted proxy: "200 OK" with a web page is not the backend
    // saying yes (for a request without an answer body it would claim an email was sent).
    name: 'a success that is a web page',
    says: (lang) => SAY[lang].malformed,
    answer: (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Wifi</title><p>Log in to the hotspot</p>' }),
  },
  {
    // A success without the fields the site reads, or a problem without its code.
    name: 'missing fields',
    says: (lang) => SAY[lang].malformed,
    answer: (route, _n, screen) =>
      screen.readsSuccessBody
        ? route.fulfill({ status: 200, contentType: 'application/json', body: '{}' })
        : route.fulfill({ status: 400, contentType: 'application/problem+json', body: '{"type":"about:blank","status":400}' }),
  },
  {
    // Members the contract does not have are ignored, and server text is never shown.
    name: 'extra fields',
    says: (lang) => SAY[lang].server,
    answer: (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'about:blank', title: 'Internal error', status: 503, code: 'internal_error',
          detail: 'SERVER-DETAIL stack trace at db.rs:42', debug: { query: 'SELECT *' }, errors: [{ field: 'shoe_size', code: 'x' }],
        }),
      }),
  },
  { name: '429 with Retry-After in seconds', ...tooMany(() => '120', 120, { nl: '2 minuten', en: '2 minutes' }) },
  {
    name: '429 with Retry-After as an HTTP date',
    // Whole seconds: 299 or 300 seconds from now, both "5 minutes".
    ...tooMany((now) => new Date(now + 300_000).toUTCString(), 300, { nl: '5 minuten', en: '5 minutes' }),
  },
  // Without Retry-After the site waits a minute (start_countdown_on_limit).
  // (The page clock runs on in real time: on a busy machine a few seconds may be gone.)
  { name: '429 without Retry-After', ...tooMany(() => undefined, 60, { nl: '(60|5\\d|4\\d) seconden', en: '(60|5\\d|4\\d) seconds' }) },
];

async function countClicks(page: Page, screen: Screen, scenario: Scenario) {
  // `skew`: how far page.clock was moved ahead of real time.
  const sent = { count: 0, skew: 0 };
  await page.route(
    (url) => url.pathname === screen.endpoint,
    async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      sent.count += 1;
      await scenario.answer(route, sent.count, screen, Date.now() + sent.skew);
    },
  );
  return sent;
}

test.describe('injected faults', () => {
  test.use({ expectedConsole: /Failed to load resource/ });

  for (const screen of SCREENS) {
    for (const scenario of SCENARIOS) {
      test(`${screen.name} × ${scenario.name}`, async ({ page }, testInfo) => {
        await runScenario(page, screen, scenario, 'nl', testInfo);
      });
    }
    // The same in English, for one scenario per screen.
    test(`${screen.name} × network down (en)`, async ({ page }, testInfo) => {
      await runScenario(page, screen, SCENARIOS[0], 'en', testInfo);
    });
  }
});

async function runScenario(page: Page, screen: Screen, scenario: Scenario, lang: Lang, testInfo: import('@playwright/test').TestInfo) {
  if (scenario.clock) await page.clock.install();
  const form = await screen.open(page, lang, SUITE_BACKEND);
  const sent = await countClicks(page, screen, scenario);
  const lost = new Set<string>();
  const says = scenario.says(lang, screen);

  const attempt = async (n: number) => {
    await form.submit.click();
    await expect.poll(() => sent.count, 'one request per click').toBe(n);
    if (scenario.name.includes('timeout')) {
      await page.clock.runFor(SITE_TIMEOUT_MS + 1000);
      sent.skew += SITE_TIMEOUT_MS + 1000;
    }
    const alert = alertOf(page);
    if (typeof says === 'string') await expect(alert).toContainText(says);
    else await expect(alert).toContainText(says);
    await expect(alert, 'no server text is shown').not.toContainText(/SERVER-DETAIL|upstream said no|Service Unavailable/);
    (await lostInputs(form.fields)).forEach((f) => lost.add(f));
    expect(sent.count, 'no automatic retry').toBe(n);
  };

  await attempt(1);
  if (scenario.lockSeconds !== undefined && screen.countsDown) {
    // Locked for the wait the backend asked for; a click meanwhile sends nothing.
    await expect(form.submit).toHaveAttribute('aria-disabled', 'true');
    await form.submit.click({ force: true });
    // A POST the click sent would reach the route before a request sent after it is
    // answered (no page timer involved: page.clock holds those).
    await requestsSoFarSeen(page);
    expect(sent.count, 'nothing is sent while locked').toBe(1);
    await page.clock.runFor((scenario.lockSeconds + 1) * 1000);
    sent.skew += (scenario.lockSeconds + 1) * 1000;
    await expect(alertOf(page)).toContainText(SAY[lang].canNow);
  }
  await expect(form.submit, 'the button is usable again').not.toHaveAttribute('aria-disabled', 'true');
  await attempt(2);
  // The same fault again: locked again for a 429 with a countdown, usable otherwise.
  const locked = scenario.lockSeconds !== undefined && screen.countsDown;
  if (locked) await expect(form.submit).toHaveAttribute('aria-disabled', 'true');
  else await expect(form.submit).not.toHaveAttribute('aria-disabled', 'true');

  recordTried(testInfo, screen.name, `${scenario.name}${lang === 'en' ? ' (en)' : ''}`, lost.size);
  expect([...lost], 'typed input lost').toEqual([]);
}

test.describe('a lost answer after the backend did the work', () => {
  test.use({ expectedConsole: /Failed to load resource/ });

  for (const screen of SCREENS) {
    test(`${screen.name} × lost response, then a safe retry`, async ({ page }, testInfo) => {
      test.fail(screen.lostResponseBug !== undefined, `known site bug: ${screen.lostResponseBug}`);
      const form = await screen.open(page, 'nl', SUITE_BACKEND);
      const sent = { count: 0 };
      await page.route(
        (url) => url.pathname === screen.endpoint,
        async (route) => {
          if (route.request().method() !== 'POST') return route.continue();
          sent.count += 1;
          if (sent.count > 1) return route.continue();
          // The backend really handles the first attempt; its answer never arrives.
          const jar = await page.context().cookies();
          const response = await route.fetch({ maxRetries: 0 });
          expect(response.status(), 'the backend did succeed').toBeLessThan(300);
          await route.abort('connectionreset');
          // Nor did its Set-Cookie (route.fetch shares the context's cookie jar): the
          // browser keeps the cookies it had (a signed-in screen stays signed in).
          await page.context().clearCookies();
          await page.context().addCookies(jar);
        },
      );
      await form.submit.click();
      await expect.poll(() => sent.count).toBe(1);
      await expect(alertOf(page)).toContainText(SAY.nl.network);
      const lost = await lostInputs(form.fields);
      // Counted here: what was typed is kept or not whatever the retry then meets.
      recordTried(testInfo, screen.name, 'lost response', lost.length);
      expect(lost, 'typed input lost').toEqual([]);
      await expect(form.submit).not.toHaveAttribute('aria-disabled', 'true');

      await form.submit.click();
      await expect.poll(() => sent.count, 'one request per click').toBe(2);
      await form.expectSafeRepeat();
      expect(sent.count).toBe(2);
    });
  }
});

test.describe('the backend restarted mid-flow', () => {
  // A real backend process of this test's own (same SQLite file across the restart) behind
  // the page's /api and /dev, stopped after the form is filled in and started again after
  // the first failure. While it is down the proxy answers like nginx does: 502 and HTML.
  test.use({ expectedConsole: /Failed to load resource/ });

  for (const screen of SCREENS) {
    test(`${screen.name} × backend restarted`, async ({ page, baseURL }, testInfo) => {
      const backend = PrivateBackend.create(screen.name, baseURL as string);
      await backend.start();
      try {
        const sent = { count: 0 };
        await backend.proxy(page, (route) => {
          const request = route.request();
          if (request.method() === 'POST' && new URL(request.url()).pathname === screen.endpoint) sent.count += 1;
        });
        const form = await screen.open(page, 'nl', { get base() { return backend.url; } });

        await backend.stop();
        await form.submit.click();
        await expect.poll(() => sent.count).toBe(1);
        await expect(alertOf(page)).toContainText(SAY.nl.server);
        await expect(alertOf(page)).not.toContainText('Bad Gateway');
        const lost = await lostInputs(form.fields);
        await expect(form.submit).not.toHaveAttribute('aria-disabled', 'true');

        await backend.start();
        await form.submit.click();
        await expect.poll(() => sent.count, 'one request per click').toBe(2);
        await form.expectDone();
        recordTried(testInfo, screen.name, 'backend restarted', lost.length);
        expect(lost, 'typed input lost').toEqual([]);
      } finally {
        await page.unrouteAll({ behavior: 'ignoreErrors' });
        await backend.stop();
      }
    });
  }
});

test.describe('the wasm file fails to load', () => {
  // The page must say so in words, with the support address from the runtime configuration.
  test.use({
    expectedConsole: /Failed to load resource|wasm|WebAssembly|net::ERR_/i,
    expectedPageError: /wasm|WebAssembly|fetch|MIME|import/i,
  });

  const failures = {
    '404': (route: Route) => route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not Found</h1>' }),
    'connection dropped': (route: Route) => route.abort('connectionreset'),
  };
  for (const screen of SCREENS) {
    for (const [how, fail] of Object.entries(failures)) {
      test(`${screen.name} × wasm ${how}`, async ({ page }, testInfo) => {
        await page.route('**/*.wasm', fail);
        await page.goto(screen.url);
        await expect(page.getByText(/hello@topocloud\.com/).first()).toBeVisible({ timeout: 15_000 });
        recordTried(testInfo, screen.name, `wasm ${how}`, 0);
      });
    }
  }
});

test.describe('a chunk fails to load', () => {
  // The login page runs its own app; the next screen ("Wachtwoord vergeten?") is a page
  // load into the whole site's, fetched at idle before. When that code cannot be had,
  // neither the login nor the next page may panic or go blank.
  test.use({
    expectedConsole: /Failed to load resource|wasm|WebAssembly|net::ERR_|integrity/i,
    expectedPageError: /wasm|WebAssembly|fetch|MIME|import/i,
  });
  const failures = {
    '404': (route: Route) => route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not Found</h1>' }),
    'connection dropped': (route: Route) => route.abort('connectionreset'),
  };
  for (const [part, pattern] of [['script', '**/app-*.js'], ['wasm', '**/topocloud-site-*.wasm']] as const) {
    for (const [how, fail] of Object.entries(failures)) {
      test(`login → next screen × the whole site's ${part} ${how}`, async ({ page }, testInfo) => {
        await page.route(pattern, fail);
        await page.goto('/users/login');
        await expect(page.locator('#first-paint')).not.toBeAttached();
        await page.getByLabel('E-mailadres').fill('jan@devries.test');
        await expect(page.getByRole('button', { name: 'Aanmelden' })).toBeEnabled();
        await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
        await expect(page).toHaveURL(/\/users\/forgot-password$/);
        const alert = page.getByRole('alert');
        await expect(alert).toContainText('TopoCloud kan niet starten in deze browser.', { timeout: 15_000 });
        await expect(alert.getByRole('link', { name: 'hello@topocloud.com' }).first()).toHaveAttribute('href', 'mailto:hello@topocloud.com');
        recordTried(testInfo, 'login → next screen', `chunk ${part} ${how}`, 0);
      });
    }
  }
});
