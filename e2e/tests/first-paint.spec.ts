import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page, Route } from '@playwright/test';
import {
  test, expect, expectNoAxeViolations, createAccount, linkFromMail, uniqueEmail, DEMO_EMAIL, DEMO_PASSWORD, nextFrames,
} from './support/fixtures';

/** Holds the wasm download until `release()`: the time a slow phone spends loading it. */
async function holdWasm(page: Page) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route: Route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Records layout shifts as the browser counts them for CLS, with the classes of what moved. */
async function recordLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    const record = (entries: PerformanceEntryList) => {
      for (const entry of entries as unknown as { value: number; sources?: { node?: Node }[] }[]) {
        const what = (entry.sources ?? []).map((s) => (s.node as Element | undefined)?.className ?? '?').join(', ');
        seen.push(`${entry.value.toFixed(4)} (${what})`);
      }
    };
    const observer = new PerformanceObserver((list) => record(list.getEntries()));
    observer.observe({ type: 'layout-shift', buffered: true });
    // Everything laid out so far, including shifts not yet handed to the observer.
    (window as unknown as { shifts: () => string[] }).shifts = () => {
      record(observer.takeRecords());
      return seen;
    };
  });
}

/** The shifts once the app's screen has been laid out and drawn on its own, twice over. */
async function shiftsAfterTakeover(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((done) =>
        requestAnimationFrame(() => requestAnimationFrame(() => done((window as unknown as { shifts: () => string[] }).shifts()))),
      ),
  );
}

async function box(page: Page, selector: string) {
  const found = await page.locator(selector).boundingBox();
  expect(found, selector).not.toBeNull();
  return found;
}

test('the login form is there before the app, and the app takes over what was typed without a shift', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/users/login', { waitUntil: 'load' });

  // Drawn by index.html alone: a real, labelled form that takes typing.
  await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden bij TopoCloud' })).toBeVisible();
  await expect(page.locator('#first-paint')).toBeAttached();
  const before = {
    email: await box(page, '#fp-email'),
    password: await box(page, '#fp-password'),
    submit: await box(page, '#first-paint button[type=submit]'),
  };
  // (The static labels hold both languages, one hidden, so fields are found by id here.)
  await page.locator('#fp-email').fill(DEMO_EMAIL);
  await page.locator('#fp-remember').check();
  await page.locator('#fp-password').click();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');

  // The button works from the first paint: it looks it, and Enter sends the sign-in at
  // once, as a POST with the password in its body, never in the address.
  const staticButton = page.locator('#first-paint button[type=submit]');
  await expect(staticButton).toBeEnabled();
  const opacity = (selector: string) =>
    page.locator(selector).evaluate((button) => Number(getComputedStyle(button).opacity));
  expect(await opacity('#first-paint button[type=submit]')).toBe(1);

  release();
  await expect(page.locator('#first-paint')).not.toBeAttached();
  await expect(page.locator('#app')).toBeVisible();

  expect(await box(page, '#email')).toEqual(before.email);
  expect(await box(page, '#password')).toEqual(before.password);
  expect(await box(page, '#app button[type=submit]')).toEqual(before.submit);
  await expect(page.locator('#app button[type=submit]')).toBeEnabled();
  expect(await opacity('#app button[type=submit]')).toBe(1);

  await expect(page.getByLabel('E-mailadres')).toHaveValue(DEMO_EMAIL);
  await expect(page.getByLabel('Wachtwoord', { exact: true })).toHaveValue(DEMO_PASSWORD);
  await expect(page.getByLabel('Ingelogd blijven')).toBeChecked();
  const caret = await page.evaluate(() => {
    const active = document.activeElement as HTMLInputElement;
    return { id: active.id, start: active.selectionStart };
  });
  expect(caret).toEqual({ id: 'password', start: DEMO_PASSWORD.length - 2 });

  // And it is the app's form now: Enter signs in.
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/account$/);
});

test('Enter before the app runs sends the sign-in at once, and the app takes the answer on', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/users/login', { waitUntil: 'load' });
  await page.locator('#fp-email').fill(DEMO_EMAIL);
  await page.locator('#fp-remember').check();
  await page.locator('#fp-password').fill(DEMO_PASSWORD);
  const sent = page.waitForRequest((r) => r.url().endsWith('/api/session') && r.method() === 'POST');
  await page.keyboard.press('Enter');
  const request = await sent;
  expect(request.postDataJSON()).toEqual({ email: DEMO_EMAIL, password: DEMO_PASSWORD, remember: true });
  expect(page.url()).not.toContain('password');
  await expect(page.getByRole('button', { name: 'Bezig met aanmelden…' })).toBeVisible();
  await expect(page.locator('#first-paint button[type=submit]')).toHaveAttribute('aria-disabled', 'true');
  // Pressed again while it is out: still one request.
  await page.keyboard.press('Enter');
  release();
  await expect(page).toHaveURL(/\/account$/);
});

test('a wrong password sent before the app ran is answered by the app, with everything typed kept', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/users/login', { waitUntil: 'load' });
  await page.locator('#fp-email').fill(DEMO_EMAIL);
  await page.locator('#fp-password').fill('not-the-password');
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/session') && r.request().method() === 'POST');
  await page.locator('#first-paint button[type=submit]').click();
  expect((await answered).status()).toBe(401);
  release();
  await expect(page.locator('#first-paint')).not.toBeAttached();
  await expect(page.getByRole('alert')).toContainText('Het e-mailadres of het wachtwoord klopt niet.');
  await expect(page.getByLabel('E-mailadres')).toHaveValue(DEMO_EMAIL);
  await expect(page.getByLabel('Wachtwoord', { exact: true })).toHaveValue('not-the-password');
  await expect(page.locator('#app button[type=submit]')).toHaveText('Aanmelden');
});

test('a press before the app ran with a field empty is kept, and the app says what is missing', async ({ page }) => {
  const release = await holdWasm(page);
  const requests: string[] = [];
  page.on('request', (r) => { if (r.url().endsWith('/api/session') && r.method() === 'POST') requests.push(r.url()); });
  await page.goto('/users/login', { waitUntil: 'load' });
  await page.locator('#fp-email').fill(DEMO_EMAIL);
  await page.locator('#first-paint button[type=submit]').click();
  await expect(page.locator('#first-paint button[type=submit]')).toHaveAttribute('aria-disabled', 'true');
  release();
  await expect(page.locator('#first-paint')).not.toBeAttached();
  await expect(page.getByText('Vul je wachtwoord in.')).toBeVisible();
  await expect(page.getByLabel('Wachtwoord', { exact: true })).toBeFocused();
  expect(requests).toEqual([]);
});

test.describe('a lost line', () => {
  test.use({ expectedConsole: /net::ERR_INTERNET_DISCONNECTED/ });
test('a sign-in sent before the app ran that never arrives is said by the app, and trying again works', async ({ page }) => {
  const release = await holdWasm(page);
  await page.route('**/api/session', (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.fallback()));
  await page.goto('/users/login', { waitUntil: 'load' });
  await page.locator('#fp-email').fill(DEMO_EMAIL);
  await page.locator('#fp-password').fill(DEMO_PASSWORD);
  await page.locator('#first-paint button[type=submit]').click();
  release();
  await expect(page.locator('#first-paint')).not.toBeAttached();
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(page.getByLabel('Wachtwoord', { exact: true })).toHaveValue(DEMO_PASSWORD);
  await page.unroute('**/api/session');
  await alert.getByRole('button').first().click();
  await expect(page).toHaveURL(/\/account$/);
});
});

test('other routes first show the page frame, not the login form', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/help', { waitUntil: 'load' });
  await expect(page.getByText('Even geduld…')).toBeVisible();
  await expect(page.getByText('One moment…')).toBeHidden();
  await expect(page.locator('#fp-email')).toBeHidden();
  await expect(page.getByRole('link', { name: 'TopoCloud' })).toBeVisible();
  release();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Hulp/);
  await expect(page.locator('#first-paint')).not.toBeAttached();
});

test('a keyboard user who tabs in before the app starts keeps their place', async ({ page }) => {
  // On the login form: the skip link comes first, and focus stays on it through the start.
  let release = await holdWasm(page);
  await page.goto('/users/login', { waitUntil: 'load' });
  await page.keyboard.press('Tab');
  await expect(page.locator('#first-paint .skip-link')).toBeFocused();
  await expect(page.locator('#first-paint .skip-link')).toBeInViewport();
  release();
  await expect(page.locator('#first-paint')).not.toBeAttached();
  await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeFocused();

  // On a link page, the static skip link moves focus without touching the fragment that
  // carries the token, and the language switch keeps focus through the start as well.
  await page.unrouteAll();
  release = await holdWasm(page);
  await page.goto('/users/reset-password#token=not-a-real-token', { waitUntil: 'load' });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('#first-paint main')).toBeFocused();
  expect(new URL(page.url()).hash).toBe('#token=not-a-real-token');
  await page.keyboard.press('Shift+Tab');
  await expect(page.locator('#first-paint .language-switch:visible')).toBeFocused();
  release();
  await expect(page.locator('#first-paint')).not.toBeAttached();
  await expect(page.getByRole('button', { name: 'Switch to English' })).toBeFocused();
});

test('no screen moves while the app starts, not even the ones that wait for the backend', async ({ page }) => {
  const account = await createAccount(page, 'no-shift');
  await page.request.post('/api/password-resets', { headers: { 'x-topocloud-csrf': '1' }, data: { email: account.email, locale: 'nl' } });
  const resetLink = await linkFromMail(page, account.email, '/users/reset-password');
  const invited = uniqueEmail('no-shift-invite');
  const invitation = await page.request.post('/dev/api/invitations', {
    data: { email: invited, organisation: 'Landmeetbureau Noord', account_type: 'main', name: '', inviter: 'Anna Jansen', locale: 'nl' },
  });
  expect(invitation.status()).toBe(201);
  const invitationLink = await linkFromMail(page, invited, '/users/invitation');

  // Layout shifts as the browser counts them for CLS (none of them after input here).
  await recordLayoutShifts(page);
  await page.setViewportSize({ width: 360, height: 740 });
  for (const [url, heading] of [
    ['/users/register', 'Een TopoCloud-account aanmaken'],
    ['/account', 'Aanmelden bij TopoCloud'],
    [invitationLink, 'Je bent uitgenodigd voor TopoCloud'],
    [resetLink, 'Nieuw wachtwoord kiezen'],
    ['/help', 'Hulp bij inloggen'],
  ]) {
    await page.goto('about:blank');
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.locator('#first-paint')).not.toBeAttached();
    const shifts = await shiftsAfterTakeover(page);
    // Not even a nudge: the footer jumps this test was written for scored 0.021-0.029, and
    // a first paint drawn while still half parsed moved the brand (0.0002) and the language
    // switch (0.0012) in 3 of 70 runs.
    const total = shifts.reduce((sum, shift) => sum + parseFloat(shift), 0);
    expect(total, `${url.split('#')[0]}: layout shifts ${JSON.stringify(shifts)}`).toBe(0);
  }
});

test('the login form takes over only once the backend settings are known, so its single sign-on buttons never push it down', async ({ page }) => {
  // /api/config (single sign-on providers, registration open) answers late, after the
  // session check: the form drawn without its buttons would grow when they came.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/config', async (route: Route) => {
    await released;
    await route.continue();
  });
  await recordLayoutShifts(page);
  await page.setViewportSize({ width: 360, height: 740 });
  const sessionAnswered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/session');
  await page.goto('/users/login');
  await sessionAnswered;
  // Two frames for the app to act on the answer (it takes over within one when it may).
  await nextFrames(page);
  await expect(page.locator('#first-paint')).toBeAttached();
  release();
  await expect(page.getByRole('link', { name: /Microsoft/ })).toBeVisible();
  await expect(page.locator('#first-paint')).not.toBeAttached();
  const shifts = await shiftsAfterTakeover(page);
  const total = shifts.reduce((sum, shift) => sum + parseFloat(shift), 0);
  expect(total, `layout shifts ${JSON.stringify(shifts)}`).toBe(0);
});

test('a page that arrives in parts is not drawn half parsed, so nothing moves when the rest comes', async ({ page, baseURL }) => {
  // The document stops inside the header, after the language switch's start tag and before
  // its word: what a slow line (or a parser that pauses) can leave the browser with.
  const holdAfter = 'aria-label="Switch to English">';
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const upstream = new URL(baseURL ?? '');
  const proxy = http.createServer((request, response) => {
    const headers = { ...request.headers, host: upstream.host, 'accept-encoding': 'identity' };
    const forwarded = http.request({ host: upstream.hostname, port: upstream.port, path: request.url, method: request.method, headers }, (answer) => {
      if (!(answer.headers['content-type'] ?? '').startsWith('text/html')) {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
        return;
      }
      const body: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => body.push(chunk));
      answer.on('end', async () => {
        const html = Buffer.concat(body).toString();
        const at = html.indexOf(holdAfter);
        const { 'content-length': _length, ...rest } = answer.headers;
        response.writeHead(answer.statusCode ?? 502, rest);
        if (at >= 0) {
          response.write(html.slice(0, at + holdAfter.length));
          await released;
        }
        response.end(html.slice(at >= 0 ? at + holdAfter.length : 0));
      });
    });
    request.pipe(forwarded);
  });
  // At localhost like the site itself (a secure context); both loopback families, as
  // Chromium tries ::1 first.
  await new Promise<void>((resolve) => proxy.listen(0, resolve));
  try {
    await recordLayoutShifts(page);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`http://localhost:${(proxy.address() as AddressInfo).port}/help`, { waitUntil: 'commit' });
    // Parsed up to the switch, and none of it drawn yet.
    await expect(page.locator('#first-paint .language-switch').first()).toBeAttached();
    await expect(page.locator('#first-paint .brand')).toBeHidden();
    release();
    await expect(page.getByRole('heading', { level: 1, name: 'Hulp bij inloggen' })).toBeVisible();
    await expect(page.locator('#first-paint')).not.toBeAttached();
    const shifts = await shiftsAfterTakeover(page);
    const total = shifts.reduce((sum, shift) => sum + parseFloat(shift), 0);
    expect(total, `layout shifts ${JSON.stringify(shifts)}`).toBe(0);
  } finally {
    release();
    proxy.close();
  }
});

test('the language chosen on the static frame while the app waits for the backend is the app’s language', async ({ page }) => {
  // The app has started (it asks for its configuration) but keeps the static frame up
  // until its screen is complete; meanwhile the person switches language there.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let asked = () => {};
  const askedForConfig = new Promise<void>((resolve) => (asked = resolve));
  await page.route('**/api/config', async (route) => {
    asked();
    await released;
    await route.continue();
  });
  await page.goto('/users/register');
  await askedForConfig;
  await expect(page.locator('#first-paint')).toBeAttached();
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByText('One moment…')).toBeVisible();
  release();
  await expect(page.locator('#first-paint')).not.toBeAttached();
  await expect(page.getByRole('button', { name: 'Create account' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle(/Create a TopoCloud account/);
});

test('a remembered English choice is the language of the first paint too', async ({ page }) => {
  await page.goto('/users/login');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  const release = await holdWasm(page);
  await page.reload({ waitUntil: 'load' });
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to TopoCloud' })).toBeVisible();
  await expect(page.getByText('Email address', { exact: true })).toBeVisible();
  await expect(page.getByText('E-mailadres', { exact: true })).toBeHidden();
  release();
  await expect(page.locator('#first-paint')).not.toBeAttached();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to TopoCloud' })).toBeVisible();
});

test.describe('when the app cannot start', () => {
  test.use({ expectedConsole: /Failed to load resource|net::ERR_FAILED|integrity/ });

  // The login page runs its own app (login-….js); every other screen the whole site's.
  for (const [what, pattern, path] of [
    ['the wasm file', '**/*.wasm', '/users/login'],
    ["the login page's app script", '**/login-*.js', '/users/login'],
    ["the whole site's app script", '**/app-*.js', '/users/forgot-password'],
  ] as const) {
    test(`a missing ${what} is said in words, with the support contact (${path})`, async ({ page }) => {
      await page.route(pattern, (route) => route.fulfill({ status: 404, body: 'not found' }));
      await page.goto(path, { waitUntil: 'load' });
      const alert = page.getByRole('alert');
      await expect(alert).toContainText('TopoCloud kan niet starten in deze browser.');
      await expect(alert.getByRole('link', { name: 'hello@topocloud.com' })).toHaveAttribute('href', 'mailto:hello@topocloud.com');
      await expect(alert.getByRole('link', { name: '(+31) 513 528 759' })).toHaveAttribute('href', 'tel:+31513528759');
      // A form that cannot work is not offered.
      await expect(page.locator('#fp-email')).toBeHidden();
      await expectNoAxeViolations(page, `${what} failed`);
    });
  }

  test('the support contact comes from the deployment configuration', async ({ page }) => {
    await page.route('**/*.wasm', (route) => route.abort());
    await page.route('**/users/login', async (route) => {
      const response = await route.fetch();
      const body = (await response.text())
        .replace('"hello@topocloud.com"', '"servicedesk@bureau.example"')
        .replace('"(+31) 513 528 759"', '"+31 20 123 4567"');
      await route.fulfill({ response, body });
    });
    await page.goto('/users/login', { waitUntil: 'load' });
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('link', { name: 'servicedesk@bureau.example' })).toHaveAttribute('href', 'mailto:servicedesk@bureau.example');
    await expect(alert.getByRole('link', { name: '+31 20 123 4567' })).toHaveAttribute('href', 'tel:+31201234567');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page says what to do, with the support contact, and offers no dead form', async ({ page }) => {
    await page.goto('/users/login');
    await expect(page.getByText('Zet JavaScript aan om je aan te melden bij TopoCloud.')).toBeVisible();
    await expect(page.getByText('Turn on JavaScript to sign in to TopoCloud.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'hello@topocloud.com' }).first()).toBeVisible();
    await expect(page.locator('#fp-email')).toBeHidden();
  });
});
