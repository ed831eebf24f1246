import { test, expect, LoginPage, createAccount, expectNoAxeViolations, mailTo, switchToEnglish, recordSecret } from './support/fixtures';
import { apiSignIn, codeNow, turnOnTwoStep } from './support/totp';

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
