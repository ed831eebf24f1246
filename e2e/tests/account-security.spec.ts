import { test, expect, LoginPage, createAccount, expectNoAxeViolations, mailTo, switchToEnglish, recordSecret } from './support/fixtures';
import { apiSignIn, codeNow, shownKey, turnOnTwoStep } from './support/totp';

const CSRF = { 'x-topocloud-csrf': '1' };

test('changing the password ends the other sessions, keeps this one and emails the owner', async ({ page, browser }) => {
  const { email, password } = await createAccount(page, 'change-password');
  // Another browser, signed in too.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  expect(await apiSignIn(otherPage, email, password)).toBe(200);

  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, password);
  await expect(page).toHaveURL(/\/account$/);
  const section = page.getByRole('region', { name: 'Wachtwoord wijzigen' });
  await expect(section.getByText(/op al je andere apparaten afgemeld/)).toBeVisible();
  const current = section.getByLabel('Huidig wachtwoord');
  const fresh = section.getByLabel('Nieuw wachtwoord');
  await expect(current).toHaveAttribute('autocomplete', 'current-password');
  await expect(fresh).toHaveAttribute('autocomplete', 'new-password');
  await expectNoAxeViolations(page, 'account: security page');

  // A wrong current password: said at the field, both passwords kept.
  const next = `Nieuw-${Math.floor(Math.random() * 1e9)}-waterpas`;
  recordSecret('password', next);
  await current.fill('Not-the-password-1');
  await fresh.fill(next);
  await section.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(section.getByText('Dit wachtwoord klopt niet.')).toBeVisible();
  await expect(current).toBeFocused();
  await expect(fresh).toHaveValue(next);
  await expectNoAxeViolations(page, 'account: wrong current password');

  await current.fill(password);
  await section.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(section.getByRole('status')).toHaveText(/Je wachtwoord is gewijzigd/);
  await expect(current).toHaveValue('');
  // This browser stays signed in; the other one is out at its very next request.
  expect((await page.request.get('/api/session')).status()).toBe(200);
  expect((await otherPage.request.get('/api/session')).status()).toBe(401);
  await expect.poll(async () => (await mailTo(page, email)).map((m) => m.kind)).toContain('password_changed');
  // The new password is the one that works now.
  expect(await apiSignIn(otherPage, email, password)).toBe(401);
  expect(await apiSignIn(otherPage, email, next)).toBe(200);
  await other.close();
});

test('sessions: this device first and marked, another one ended takes effect at once (en)', async ({ page, browser }) => {
  const { email, password } = await createAccount(page, 'sessions');
  const other = await browser.newContext({ userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Firefox/133.0' });
  const otherPage = await other.newPage();
  expect(await apiSignIn(otherPage, email, password)).toBe(200);

  const login = new LoginPage(page);
  await login.goto();
  await switchToEnglish(page);
  await login.signIn(email, password);
  const section = page.getByRole('region', { name: 'Where you are signed in' });
  const rows = section.getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('This device');
  await expect(rows.nth(1)).toContainText('Firefox on Windows');
  await expectNoAxeViolations(page, 'account: sessions (en)');

  await rows.nth(1).getByRole('button', { name: /^End session/ }).click();
  await expect(section.getByRole('status')).toHaveText(/The session was ended/);
  await expect(rows).toHaveCount(1);
  await expect(section.getByText('You are not signed in anywhere else.')).toBeVisible();
  expect((await otherPage.request.get('/api/session')).status()).toBe(401);
  expect((await page.request.get('/api/session')).status()).toBe(200);
  await other.close();
});

test('two-step verification: new recovery codes with a code, turning it off with the password', async ({ page }) => {
  const { email, password } = await createAccount(page, 'twostep-off');
  expect(await apiSignIn(page, email, password)).toBe(200);
  const { key, recovery } = await turnOnTwoStep(page);
  await page.goto('/account');
  const section = page.getByRole('region', { name: 'Tweestapsverificatie' });
  await expect(section.getByText('Je hebt nog 10 herstelcodes.')).toBeVisible();

  await section.getByRole('button', { name: 'Nieuwe herstelcodes maken' }).click();
  await expect(section.getByRole('heading', { name: 'Bevestig dat jij het bent' })).toBeVisible();
  await expect(section.getByLabel('Wachtwoord', { exact: true })).toBeFocused();
  await expectNoAxeViolations(page, 'account: confirm it is you');
  await section.getByRole('button', { name: 'Bevestig met een code uit de app' }).click();
  await section.getByLabel('Code uit de app').fill(await codeNow(page, key));
  await section.getByRole('button', { name: 'Bevestigen' }).click();
  const codes = section.locator('.recovery-code-list li');
  await expect(codes).toHaveCount(10);
  const renewed = await codes.allInnerTexts();
  renewed.forEach((code) => recordSecret('token', code.trim(), 'renewed recovery code'));
  expect(renewed).not.toContain(recovery[0]);
  await section.getByRole('button', { name: 'Ik heb ze bewaard, verder' }).click();

  await section.getByRole('button', { name: 'Tweestapsverificatie uitzetten' }).click();
  await section.getByLabel('Wachtwoord', { exact: true }).fill('Not-the-password-1');
  await section.getByRole('button', { name: 'Bevestigen' }).click();
  await expect(section.getByText('Dit wachtwoord klopt niet.')).toBeVisible();
  await section.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await section.getByRole('button', { name: 'Bevestigen' }).click();
  await expect(section.getByRole('status')).toHaveText(/Tweestapsverificatie staat uit/);
  await expect(section.getByRole('button', { name: 'Tweestapsverificatie aanzetten' })).toBeVisible();
  await expect.poll(async () => (await mailTo(page, email)).map((m) => m.kind)).toContain('two_step_disabled');
  // The password alone signs in again.
  await page.request.delete('/api/session', { headers: CSRF });
  expect(await apiSignIn(page, email, password)).toBe(200);
});

test.describe('states of the two-step section not seen above', () => {
  test.use({ expectedConsole: /Failed to load resource/ });

  test('a refused setup code, a refused confirmation code, a network failure and its retry, turned off (axe)', async ({ page }) => {
    const { email, password } = await createAccount(page, 'twostep-states');
    expect(await apiSignIn(page, email, password)).toBe(200);
    await page.goto('/account');
    const section = page.getByRole('region', { name: 'Tweestapsverificatie' });
    await section.getByRole('button', { name: 'Tweestapsverificatie aanzetten' }).click();
    const key = await shownKey(page);
    const setupCode = await codeNow(page, key, 1);
    const wrong = String((Number(setupCode) + 500_000) % 1_000_000).padStart(6, '0');
    await section.getByLabel('Code uit de app').fill(wrong);
    await section.getByRole('button', { name: 'Aanzetten', exact: true }).click();
    await expect(section.getByText(/Deze code klopt niet of is al gebruikt/)).toBeVisible();
    await expect(section.getByLabel('Code uit de app')).toBeFocused();
    await expect(section.getByLabel('Code uit de app')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page, 'account: setup code refused');
    await section.getByLabel('Code uit de app').fill(setupCode);
    await section.getByRole('button', { name: 'Aanzetten', exact: true }).click();
    const codes = section.locator('.recovery-code-list li');
    await expect(codes).toHaveCount(10);
    (await codes.allInnerTexts()).forEach((code) => recordSecret('token', code.trim(), 'recovery code'));
    await section.getByRole('button', { name: 'Ik heb ze bewaard, verder' }).click();

    // Turning off, confirmed with a code: a wrong one first.
    await section.getByRole('button', { name: 'Tweestapsverificatie uitzetten' }).click();
    await section.getByRole('button', { name: 'Bevestig met een code uit de app' }).click();
    const codeField = section.getByLabel('Code uit de app');
    await expect(codeField).toBeFocused();
    await codeField.fill(wrong);
    await section.getByRole('button', { name: 'Bevestigen' }).click();
    await expect(section.getByText(/Deze code klopt niet of is al gebruikt/)).toBeVisible();
    await expect(codeField).toBeFocused();
    await expectNoAxeViolations(page, 'account: confirmation code refused');

    // The right code, but the network is down: said, with a button to send it again.
    await page.route('**/api/account/two-step/disable', (route) => route.abort('internetdisconnected'));
    await codeField.fill(await codeNow(page, key));
    await section.getByRole('button', { name: 'Bevestigen' }).click();
    const alert = section.getByRole('alert').filter({ hasText: /\S/ });
    await expect(alert).toContainText('Geen verbinding met TopoCloud');
    await expect(alert).toBeFocused();
    await expectNoAxeViolations(page, 'account: confirmation, network down');
    await page.unroute('**/api/account/two-step/disable');
    await alert.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await expect(section.getByRole('status')).toHaveText(/Tweestapsverificatie staat uit/);
    await expect(section.getByRole('status')).toBeFocused();
    await expectNoAxeViolations(page, 'account: two-step turned off');
  });

  test('five wrong passwords lock the confirmation: the wait in words, the button locked (en, axe)', async ({ page }) => {
    // Locks this account for 15 minutes: an account of its own.
    const { email, password } = await createAccount(page, 'confirm-locked');
    expect(await apiSignIn(page, email, password)).toBe(200);
    await turnOnTwoStep(page);
    await page.goto('/account');
    await switchToEnglish(page);
    const section = page.getByRole('region', { name: 'Two-step verification' });
    await section.getByRole('button', { name: 'Make new recovery codes' }).click();
    const field = section.getByLabel('Password', { exact: true });
    await field.fill('Not-the-password-1');
    const confirm = section.getByRole('button', { name: 'Confirm', exact: true });
    for (let attempt = 1; attempt <= 5; attempt++) {
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/account/two-step/recovery-codes'));
      await confirm.click();
      expect((await answered).status(), `wrong password ${attempt}`).toBe(403);
      await expect(section.getByText('This password is not right.')).toBeVisible();
    }
    const limited = page.waitForResponse((r) => r.url().endsWith('/api/account/two-step/recovery-codes'));
    await confirm.click();
    expect((await limited).status()).toBe(429);
    const alert = section.getByRole('alert').filter({ hasText: /\S/ });
    await expect(alert).toHaveText(/Too many attempts\. You can try again in 15 minutes\./);
    await expect(alert).toBeFocused();
    await expect(confirm).toHaveAttribute('aria-disabled', 'true');
    await expect(field).toHaveValue('Not-the-password-1');
    await expectNoAxeViolations(page, 'account: confirmation rate limited (en)');
    // The right password cannot get round it, nor a code from the app: nothing is sent.
    await section.getByRole('button', { name: 'Confirm with a code from the app' }).click();
    await expect(confirm).toHaveAttribute('aria-disabled', 'true');
  });
});
