import { test, expect, LoginPage, createAccount, advanceClock } from './support/fixtures';
import { apiSignIn } from './support/totp';

test('a change after ten minutes asks the password again, then goes ahead', async ({ page, browser }) => {
  const { email, password } = await createAccount(page, 'reauth');
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  expect(await apiSignIn(otherPage, email, password)).toBe(200);
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, password);
  await expect(page).toHaveURL(/\/account$/);
  await advanceClock(page, 11 * 60);

  const section = page.getByRole('region', { name: 'Waar je bent aangemeld' });
  await section.getByRole('button', { name: 'Alle andere sessies beëindigen' }).click();
  await expect(section.getByRole('heading', { name: 'Bevestig dat jij het bent' })).toBeVisible();
  await expect(section.getByText(/Vul je wachtwoord opnieuw in/)).toBeVisible();
  // Nothing ended yet.
  expect((await otherPage.request.get('/api/session')).status()).toBe(200);
  await section.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await section.getByRole('button', { name: 'Bevestigen' }).click();
  await expect(section.getByRole('status')).toHaveText('1 andere sessie is beëindigd.');
  expect((await otherPage.request.get('/api/session')).status()).toBe(401);
  await other.close();
});
