import {
  test, expect, LoginPage, createAccount, expectNoAxeViolations, linkFromMail, mailTo, recordSecret,
  switchToEnglish, uniqueEmail,
} from './support/fixtures';
import { activateByKeyboard, focusByKeyboard, typeByKeyboard } from './support/a11y';
import { apiSignIn, codeNow, shownKey, turnOnTwoStep } from './support/totp';

const codeField = (page: import('@playwright/test').Page) => page.getByLabel(/^(Code uit de app|Code from the app)$/);

test('two-step verification is turned on from the account page, then asked after the password', async ({ page }) => {
  const { email, password } = await createAccount(page, 'twostep-on');
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, password);
  await expect(page).toHaveURL(/\/account$/);

  const section = page.getByRole('region', { name: 'Tweestapsverificatie' });
  await section.getByRole('button', { name: 'Tweestapsverificatie aanzetten' }).click();
  await expect(section.getByRole('img', { name: 'QR-code voor je authenticator-app' })).toBeVisible();
  await expectNoAxeViolations(page, 'account: two-step setup');
  const key = await shownKey(page);
  // Pasted as the app shows it, with a space in the middle.
  const first = await codeNow(page, key, 1);
  await codeField(page).fill(`${first.slice(0, 3)} ${first.slice(3)}`);
  await section.getByRole('button', { name: 'Aanzetten' }).click();

  const codes = section.locator('.recovery-code-list li');
  await expect(codes).toHaveCount(10);
  await expect(section.getByRole('status')).toHaveText(/Tweestapsverificatie staat aan/);
  const download = section.getByRole('link', { name: 'Downloaden als tekstbestand' });
  await expect(download).toHaveAttribute('download', /\.txt$/);
  await expectNoAxeViolations(page, 'account: recovery codes');
  await section.getByRole('button', { name: 'Ik heb ze bewaard, verder' }).click();
  await expect(section.getByText('Je hebt nog 10 herstelcodes.')).toBeVisible();
  await expect.poll(async () => (await mailTo(page, email)).map((m) => m.kind)).toContain('two_step_enabled');

  // Signed out and in again: the password alone is not enough.
  await page.getByRole('button', { name: /^Afmelden$/ }).click();
  await expect(page).toHaveURL(/\/users\/login$/);
  await login.signIn(email, password);
  await expect(page).toHaveURL(/\/users\/second-step\?return_to=/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vul je inlogcode in');
  await expect(codeField(page)).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(codeField(page)).toHaveAttribute('inputmode', 'numeric');
  // No session exists between the two steps.
  expect((await page.request.get('/api/session')).status()).toBe(401);
  await expectNoAxeViolations(page, 'second step');

  const now = await codeNow(page, key);
  await codeField(page).fill(`${now.slice(0, 3)}-${now.slice(3)}`);
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(email)).toBeVisible();
});

test('a used or wrong code is refused and kept; a recovery code works once', async ({ page }) => {
  const { email, password } = await createAccount(page, 'twostep-codes');
  expect(await apiSignIn(page, email, password)).toBe(200);
  const { key, recovery } = await turnOnTwoStep(page);
  await page.request.delete('/api/session', { headers: { 'x-topocloud-csrf': '1' } });

  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, password);
  await expect(page).toHaveURL(/\/users\/second-step/);
  // The code that confirmed the setup was used already: refused, even within its 30 s.
  const used = await codeNow(page, key, 1);
  await codeField(page).fill(used);
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await expect(page.getByText(/Deze code klopt niet of is al gebruikt/)).toBeVisible();
  await expect(codeField(page)).toBeFocused();
  await expect(codeField(page)).toHaveValue(used);
  await expect(codeField(page)).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'second step: code refused');

  await page.getByRole('button', { name: /Gebruik een herstelcode/ }).click();
  const recoveryField = page.getByLabel('Herstelcode');
  await expect(recoveryField).toBeFocused();
  // Typed back in capitals: still the code.
  await recoveryField.fill(recovery[0].toUpperCase());
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText('Je hebt nog 9 herstelcodes.')).toBeVisible();
  await expect.poll(async () => (await mailTo(page, email)).map((m) => m.kind)).toContain('recovery_code_used');

  await page.getByRole('button', { name: /^Afmelden$/ }).click();
  await login.signIn(email, password);
  await expect(page).toHaveURL(/\/users\/second-step/);
  await page.getByRole('button', { name: /Gebruik een herstelcode/ }).click();
  await page.getByLabel('Herstelcode').fill(recovery[0]);
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await expect(page.getByText(/Deze herstelcode klopt niet of is al gebruikt/)).toBeVisible();
  await expect(page).toHaveURL(/\/users\/second-step/);
});

test('the second step in English, by keyboard alone, trusting the device for 30 days', async ({ page }) => {
  const { email, password } = await createAccount(page, 'twostep-keys');
  expect(await apiSignIn(page, email, password)).toBe(200);
  const { key } = await turnOnTwoStep(page);
  await page.request.delete('/api/session', { headers: { 'x-topocloud-csrf': '1' } });

  const login = new LoginPage(page);
  await login.goto();
  await switchToEnglish(page);
  await login.signIn(email, password);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enter your sign-in code');
  await expectNoAxeViolations(page, 'second step (en)');
  const field = codeField(page);
  await focusByKeyboard(page, field);
  await typeByKeyboard(page, field, await codeNow(page, key));
  const trust = page.getByLabel('Trust this device for 30 days');
  await focusByKeyboard(page, trust);
  await page.keyboard.press(' ');
  await expect(trust).toBeChecked();
  await activateByKeyboard(page, page.getByRole('button', { name: 'Verify' }));
  await expect(page).toHaveURL(/\/account$/);

  // This browser is trusted now: the password alone signs in.
  await page.getByRole('button', { name: /^Sign out$/ }).click();
  await login.signIn(email, password);
  await expect(page).toHaveURL(/\/account$/);
});

test('the code step without a password step first says to sign in again', async ({ page }) => {
  await page.goto('/users/second-step?return_to=/account');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log opnieuw in');
  await expect(page.getByRole('link', { name: 'Naar aanmelden' })).toHaveAttribute(
    'href', '/users/login?return_to=/account',
  );
  await expectNoAxeViolations(page, 'second step: challenge gone');
});

test('an organisation that requires two-step verification leads a member through turning it on', async ({ page }) => {
  const { email, password } = await createAccount(page, 'twostep-org');
  const required = await page.request.post('/dev/api/organisations/two-step', { data: { email, required: true } });
  expect(required.status()).toBeLessThan(300);

  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, password);
  await expect(page).toHaveURL(/\/users\/second-step/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zet tweestapsverificatie aan');
  expect((await page.request.get('/api/session')).status()).toBe(401);
  await expectNoAxeViolations(page, 'second step: required enrolment');
  const key = await shownKey(page);
  await codeField(page).fill(await codeNow(page, key));
  await page.getByRole('button', { name: 'Aanzetten' }).click();
  await expect(page.locator('.recovery-code-list li')).toHaveCount(10);
  await page.getByRole('button', { name: 'Ik heb ze bewaard, verder' }).click();
  await expect(page).toHaveURL(/\/account$/);
  const section = page.getByRole('region', { name: 'Tweestapsverificatie' });
  await expect(section.getByText(/Je organisatie vereist tweestapsverificatie/)).toBeVisible();
  await expect(section.getByRole('button', { name: 'Tweestapsverificatie uitzetten' })).toHaveCount(0);
});

test('an invitation of such an organisation is accepted into turning two-step verification on', async ({ page }) => {
  const email = uniqueEmail('twostep-invited');
  const organisation = `Bureau ${Date.now()}`;
  const invited = await page.request.post('/dev/api/invitations', {
    data: { email, organisation, account_type: 'main', name: 'Eva', inviter: 'Anna Jansen', locale: 'nl' },
  });
  expect(invited.status()).toBe(201);
  const required = await page.request.post('/dev/api/organisations/two-step', { data: { email, required: true } });
  expect(required.status()).toBe(200);
  const link = await linkFromMail(page, email, '/users/invitation');
  await page.goto(link);
  const password = `Baak-${Math.floor(Math.random() * 1e9)}-waterpas`;
  recordSecret('password', password);
  await page.getByLabel(/^Wachtwoord$/).fill(password);
  await page.getByRole('button', { name: 'Uitnodiging accepteren' }).click();
  await expect(page).toHaveURL(/\/users\/second-step/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zet tweestapsverificatie aan');
  expect((await page.request.get('/api/session')).status()).toBe(401);
  const key = await shownKey(page);
  await codeField(page).fill(await codeNow(page, key));
  await page.getByRole('button', { name: 'Aanzetten' }).click();
  await page.getByRole('button', { name: 'Ik heb ze bewaard, verder' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(email)).toBeVisible();
});

test('five wrong codes lock the second step: the wait from Retry-After in words, counted down, the code kept (axe)', async ({ page }) => {
  // Locks this account for 15 minutes: an account of its own.
  const { email, password } = await createAccount(page, 'twostep-locked');
  expect(await apiSignIn(page, email, password)).toBe(200);
  const { key } = await turnOnTwoStep(page);
  await page.request.delete('/api/session', { headers: { 'x-topocloud-csrf': '1' } });

  // The page's clock, to count the wait down without waiting.
  await page.clock.install();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, password);
  await expect(page).toHaveURL(/\/users\/second-step/);
  const right = await codeNow(page, key);
  const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');
  await codeField(page).fill(wrong);
  const verify = page.getByRole('button', { name: 'Bevestigen' });
  for (let attempt = 1; attempt <= 5; attempt++) {
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/session/second-step') && r.request().method() === 'POST');
    await verify.click();
    expect((await answered).status(), `wrong code ${attempt}`).toBe(401);
    await expect(page.getByText(/Deze code klopt niet of is al gebruikt/)).toBeVisible();
  }
  const limited = page.waitForResponse((r) => r.url().endsWith('/api/session/second-step') && r.request().method() === 'POST');
  await verify.click();
  const answer = await limited;
  expect(answer.status()).toBe(429);
  const retryAfter = Number(answer.headers()['retry-after']);
  expect(retryAfter).toBeGreaterThan(14 * 60);
  expect(retryAfter).toBeLessThanOrEqual(15 * 60);

  const alert = page.getByRole('alert').filter({ hasText: /\S/ });
  await expect(alert).toHaveText(/Te veel pogingen\. Je kunt het over 15 minuten opnieuw proberen\./);
  await expect(alert).toBeFocused();
  await expect(verify).toHaveAttribute('aria-disabled', 'true');
  await expect(codeField(page)).toHaveValue(wrong);
  await expect(alert.getByRole('link', { name: /Te veel pogingen/ })).toBeVisible();
  await expectNoAxeViolations(page, 'second step: rate limited');
  // A minute later, one minute less; locked all the while, also for a recovery code.
  await page.clock.runFor(61_000);
  await expect(alert).toHaveText(/Je kunt het over 14 minuten opnieuw proberen\./);
  await page.getByRole('button', { name: /Gebruik een herstelcode/ }).click();
  await expect(page.getByLabel('Herstelcode')).toBeFocused();
  await expect(verify).toHaveAttribute('aria-disabled', 'true');
  await expectNoAxeViolations(page, 'second step: recovery code form, rate limited');
});
