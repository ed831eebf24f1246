import {
  test, expect, LoginPage, DEMO_EMAIL, DEMO_PASSWORD, expectNoAxeViolations, switchToEnglish,
} from './support/fixtures';

test('the demo account signs in, stays signed in across a reload, and signs out', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await expectNoAxeViolations(page, 'login, empty');
  await login.signIn(DEMO_EMAIL, DEMO_PASSWORD);

  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Je account');
  await expect(page.getByText(DEMO_EMAIL)).toBeVisible();
  await expect(page).toHaveTitle(/Je account/);

  await page.reload();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(DEMO_EMAIL)).toBeVisible();

  await page.getByRole('button', { name: 'Afmelden' }).click();
  await expect(page).toHaveURL(/\/users\/login$/);
  await expect(login.submit).toBeVisible();

  // Signed out for real: the account page no longer opens.
  await page.goto('/account');
  await expect(page).toHaveURL(/\/users\/login\?return_to=/);
});

test('remember me is sent to the backend and gives a lasting cookie', async ({ page, context }) => {
  const login = new LoginPage(page);
  await login.goto();
  const request = page.waitForRequest((r) => r.url().endsWith('/api/session') && r.method() === 'POST');
  await login.remember.check();
  await login.signIn(DEMO_EMAIL, DEMO_PASSWORD);
  expect((await request).postDataJSON()).toMatchObject({ email: DEMO_EMAIL, remember: true });
  await expect(page).toHaveURL(/\/account$/);
  const cookie = (await context.cookies()).find((c) => c.name.endsWith('topocloud_session'));
  expect(cookie?.expires ?? -1).toBeGreaterThan(Date.now() / 1000 + 29 * 24 * 3600);
  expect(cookie?.httpOnly).toBe(true);
});

for (const lang of ['nl', 'en'] as const) {
  test(`a wrong password keeps the typed email and says so in words (${lang})`, async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    if (lang === 'en') await switchToEnglish(page);
    await login.signIn(DEMO_EMAIL, 'Not-the-password-1');

    const expected = lang === 'nl' ? /Het e-mailadres of het wachtwoord klopt niet/ : /The email address or password is not correct/;
    await expect(login.alert).toHaveText(expected);
    await expect(login.alert).toBeFocused();
    await expect(login.email).toHaveValue(DEMO_EMAIL);
    await expect(login.password).toHaveAttribute('type', 'password');
    await expect(page).toHaveURL(/\/users\/login$/);
    await expectNoAxeViolations(page, `wrong password (${lang})`);
  });
}

test('an empty submit is explained per field without asking the server', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  const sessionPosts: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/session') && r.method() === 'POST') sessionPosts.push(r.url());
  });
  await login.submit.click();

  await expect(page.getByText('Vul je e-mailadres in.')).toBeVisible();
  await expect(page.getByText('Vul je wachtwoord in.')).toBeVisible();
  await expect(login.email).toBeFocused();
  await expect(login.email).toHaveAttribute('aria-invalid', 'true');
  expect(sessionPosts).toEqual([]);
  await expectNoAxeViolations(page, 'validation errors');
});

test('the language switch changes the button between Aanmelden and Sign in', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await expect(login.submit).toHaveText('Aanmelden');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');

  await switchToEnglish(page);
  await expect(login.submit).toHaveText('Sign in');
  await expect(page).toHaveTitle('Sign in to TopoCloud');
  await expectNoAxeViolations(page, 'login in English');

  // The choice is remembered on the next visit.
  await page.reload();
  await expect(login.submit).toHaveText('Sign in');

  await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
  await expect(login.submit).toHaveText('Aanmelden');
});

test('return_to brings the person back where they were going', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto('?return_to=%2Faccount%3Ftab%3Dprojects');
  await login.signIn(DEMO_EMAIL, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/account\?tab=projects$/);
});

test('a deep link to /account while signed out returns there after sign-in', async ({ page }) => {
  await page.goto('/account');
  await expect(page).toHaveURL(/\/users\/login\?return_to=\/account$/);
  const login = new LoginPage(page);
  await login.signIn(DEMO_EMAIL, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(DEMO_EMAIL)).toBeVisible();
});

test('a deep link to a signed-in screen keeps its whole address, query included, through the login', async ({ page }) => {
  await page.goto('/account?tab=projects&sort=name');
  await expect(page).toHaveURL(/\/users\/login\?return_to=\/account%3Ftab%3Dprojects%26sort%3Dname$/);
  const login = new LoginPage(page);
  await login.signIn(DEMO_EMAIL, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/account\?tab=projects&sort=name$/);
  await expect(page.getByText(DEMO_EMAIL)).toBeVisible();
});

for (const hostile of [
  'https://evil.test/',
  '//evil.test/',
  '/\\evil.test',
  'javascript:alert(1)',
  '/%2F%2Fevil.test',
  '%2F%2Fevil.test',
  '/account%0d%0aLocation:%20https://evil.test',
]) {
  test(`a hostile return_to (${hostile}) ends at the default destination`, async ({ page, baseURL }) => {
    const login = new LoginPage(page);
    await login.goto(`?return_to=${encodeURIComponent(hostile)}`);
    await login.signIn(DEMO_EMAIL, DEMO_PASSWORD);
    // The whole address: still the site's own origin, nowhere else.
    await expect(page).toHaveURL(`${baseURL}/account`);
  });
}

test('a live session skips the login form without showing it', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(DEMO_EMAIL, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/account$/);

  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (document.querySelector('#email')) (window as unknown as { sawForm: boolean }).sawForm = true;
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto('/users/login?return_to=%2Faccount%3Fagain%3D1');
  await expect(page).toHaveURL(/\/account\?again=1$/);
  await expect(page.getByText(DEMO_EMAIL)).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { sawForm?: boolean }).sawForm ?? false)).toBe(false);
});

test('the root address opens the login page, with help and quick-start links', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/users\/login$/);
  const login = new LoginPage(page);
  await expect(login.submit).toBeVisible();
  await expect(page.getByRole('link', { name: 'Kan je niet inloggen?' })).toHaveAttribute('href', '/help/kan-niet-inloggen');
  await expect(page.getByRole('link', { name: /Lees de snelstartgids/ })).toHaveAttribute(
    'href',
    'https://docs.topocloud.nl/books/snel-starten-154',
  );
  await expect(page.getByRole('link', { name: 'Account aanmaken' })).toBeVisible();
});
