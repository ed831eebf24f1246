import {
  test, expect, LoginPage, DEMO_EMAIL, DEMO_PASSWORD, expectNoAxeViolations, requestsSoFarSeen, uniqueEmail, switchToEnglish,
} from './support/fixtures';

test.describe('injected failures', () => {
  test.use({ expectedConsole: /Failed to load resource/ });

  test('a network failure keeps the form and the retry goes through', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await page.route('**/api/session', (route) =>
      route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue(),
    );
    await login.signIn(DEMO_EMAIL, DEMO_PASSWORD);
    await expect(login.alert).toContainText('Geen verbinding met TopoCloud');
    await expect(login.email).toHaveValue(DEMO_EMAIL);
    await expect(login.password).toHaveValue(DEMO_PASSWORD);
    await expectNoAxeViolations(page, 'network failure');

    await page.unroute('**/api/session');
    await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await expect(page).toHaveURL(/\/account$/);
  });

  test('a 500 with an HTML body is explained without the body, and a retry works', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await switchToEnglish(page);
    await page.route('**/api/session', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({ status: 500, contentType: 'text/html', body: '<h1>Internal Server Error</h1>' })
        : route.continue(),
    );
    await login.signIn(DEMO_EMAIL, DEMO_PASSWORD);
    await expect(login.alert).toContainText('Something went wrong on our side');
    await expect(page.getByText('Internal Server Error')).toHaveCount(0);
    await expect(login.email).toHaveValue(DEMO_EMAIL);

    await page.unroute('**/api/session');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page).toHaveURL(/\/account$/);
  });
});

test('a double click sends one request', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  let posts = 0;
  await page.route('**/api/session', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    posts += 1;
    await new Promise((resolve) => setTimeout(resolve, 400));
    return route.continue();
  });
  await login.email.fill(DEMO_EMAIL);
  await login.password.fill(DEMO_PASSWORD);
  await login.submit.dblclick();
  await expect(page).toHaveURL(/\/account$/);
  expect(posts).toBe(1);
});

for (const lang of ['nl', 'en'] as const) {
  test(`too many attempts count down from the backend's real Retry-After (${lang})`, async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    if (lang === 'en') await switchToEnglish(page);
    const email = uniqueEmail('locked');
    for (let i = 0; i < 5; i++) {
      await login.signIn(email, `Wrong-password-${i}`);
      await expect(login.alert).toContainText(lang === 'nl' ? 'klopt niet' : 'not correct');
    }
    await login.signIn(email, 'Wrong-password-6');
    const waitText = lang === 'nl' ? /Te veel pogingen\. Je kunt het over \d+ minuten opnieuw proberen\./ : /Too many attempts\. You can try again in \d+ minutes\./;
    await expect(login.alert).toHaveText(waitText);
    // From the answer on: no automatic retries, and a click while locked sends nothing.
    let posts = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/api/session') && r.method() === 'POST') posts += 1;
    });
    await expect(login.submit).toHaveAttribute('aria-disabled', 'true');
    await expect(login.email).toHaveValue(email);
    await expectNoAxeViolations(page, `rate limited (${lang})`);

    await login.submit.click({ force: true });
    await requestsSoFarSeen(page);
    expect(posts).toBe(0);
  });
}

test('an unconfirmed account is told so and can ask for the email again', async ({ page, request }) => {
  const email = uniqueEmail('unverified');
  const password = 'Meetlat-en-theodoliet';
  const registered = await request.post('/api/registrations', {
    headers: { 'x-topocloud-csrf': '1' },
    data: { name: 'Nog Niet', email, password, organisation: 'Test BV', accept_terms: true, locale: 'nl' },
  });
  expect(registered.status()).toBe(202);

  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, password);
  await expect(login.alert).toContainText('Je e-mailadres is nog niet bevestigd');
  await expectNoAxeViolations(page, 'login, unconfirmed address');
  // The whole site's screen for it, with the address typed on the login page.
  await login.alert.getByRole('link', { name: 'Stuur de bevestigingsmail opnieuw' }).click();
  await expect(page).toHaveURL(/\/users\/confirmation-email$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Bevestigingsmail opnieuw sturen' })).toBeFocused();
  await expect(page.getByLabel('E-mailadres')).toHaveValue(email);
  await expectNoAxeViolations(page, 'confirmation email: ready to send');
  await page.getByRole('button', { name: 'Stuur de bevestigingsmail opnieuw' }).click();
  await expect(page.getByText('nieuwe e-mail onderweg')).toBeVisible();
  await expectNoAxeViolations(page, 'confirmation email: sent again');
  const mail = await (await request.get(`/dev/api/mail?to=${encodeURIComponent(email)}`)).json();
  expect(mail.length).toBe(2);
  expect(mail[0].kind).toBe('verify_email');
});
