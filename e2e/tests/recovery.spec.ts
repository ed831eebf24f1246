import {
  test, expect, LoginPage, createAccount, linkFromMail, mailTo, uniqueEmail, expectNoAxeViolations,
  switchToEnglish, DEMO_EMAIL,
} from './support/fixtures';
import type { Page } from '@playwright/test';

const NEW_PASSWORD = 'Nieuw-wachtwoord-voor-e2e';

async function requestLink(page: Page, email: string) {
  await page.goto('/users/forgot-password');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByRole('button', { name: 'Aanvragen' }).click();
  await expect(page.getByRole('status')).toContainText('is er een e-mail onderweg');
}

test('a forgotten password is reset end to end; the old one stops working and the new one works', async ({ page }) => {
  const account = await createAccount(page, 'reset');
  const urls: string[] = [];
  const referers: string[] = [];
  page.on('request', (r) => {
    urls.push(r.url());
    const referer = r.headers()['referer'];
    if (referer) referers.push(referer);
  });

  // From the login page, the typed address comes along.
  const login = new LoginPage(page);
  await login.goto();
  await login.email.fill(account.email);
  await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
  await expect(page).toHaveURL(/\/users\/forgot-password$/);
  await expect(page.getByLabel('E-mailadres')).toHaveValue(account.email);
  await expectNoAxeViolations(page, 'forgot password');
  await page.getByRole('button', { name: 'Aanvragen' }).click();
  await expect(page.getByRole('status')).toContainText('is er een e-mail onderweg');
  await expect(page.getByRole('button', { name: /E-mail opnieuw versturen \(\d+ s\)/ })).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('link', { name: 'Lukt het niet? Bekijk de hulp bij inloggen' })).toHaveAttribute('href', '/help/kan-niet-inloggen');
  await expectNoAxeViolations(page, 'forgot password, sent');

  const link = await linkFromMail(page, account.email, '/users/reset-password');
  const token = new URL(link).hash.replace('#token=', '');
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Nieuw wachtwoord kiezen' })).toBeVisible();
  await expect(page).toHaveURL(/\/users\/reset-password$/);
  await expect(page.getByLabel('Account')).toHaveValue(account.email);
  await expect(page.getByLabel('Account')).toHaveAttribute('autocomplete', 'username');
  await expect(page.getByLabel('Nieuw wachtwoord', { exact: true })).toHaveAttribute('autocomplete', 'new-password');
  await expectNoAxeViolations(page, 'reset form');

  // A common password is refused by the backend's list, in words, and the form stays.
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('1qaz2wsx3edc');
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(page.getByText('Dit wachtwoord is te bekend')).toBeVisible();
  await expectNoAxeViolations(page, 'reset form, common password');

  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(page.getByRole('heading', { name: 'Je wachtwoord is gewijzigd' })).toBeVisible();
  await expect(page.getByText('Je bent op al je apparaten afgemeld')).toBeVisible();
  await expectNoAxeViolations(page, 'reset done');
  await page.getByRole('link', { name: 'Naar aanmelden' }).click();
  await expect(login.email).toHaveValue(account.email);

  await login.password.fill(account.password);
  await login.submit.click();
  await expect(login.alert).toContainText('klopt niet');
  await login.password.fill(NEW_PASSWORD);
  await login.submit.click();
  await expect(page).toHaveURL(/\/account$/);

  expect(urls.filter((u) => u.includes(token)), 'no request URL carries the token').toEqual([]);
  expect(referers, 'Referrer-Policy: no-referrer, so no request says where it came from').toEqual([]);
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'no-referrer');
});

test('an unknown address gets the very same confirmation and no email', async ({ page }) => {
  const account = await createAccount(page, 'known');
  await requestLink(page, account.email);
  const known = await page.getByRole('status').innerText();
  const unknown = uniqueEmail('nobody');
  await requestLink(page, unknown);
  expect(await page.getByRole('status').innerText()).toBe(known);
  expect(await mailTo(page, unknown)).toEqual([]);
});

test('of two links the second works, and then the first is dead', async ({ page }) => {
  const account = await createAccount(page, 'twolinks');
  const headers = { 'x-topocloud-csrf': '1' };
  await page.request.post('/api/password-resets', { headers, data: { email: account.email } });
  const first = await linkFromMail(page, account.email, '/users/reset-password');
  await page.request.post('/api/password-resets', { headers, data: { email: account.email } });
  await expect.poll(async () => (await mailTo(page, account.email)).filter((m) => m.kind === 'password_reset').length).toBe(2);
  const second = await linkFromMail(page, account.email, '/users/reset-password');
  expect(second).not.toBe(first);

  await page.goto(second);
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(page.getByRole('heading', { name: 'Je wachtwoord is gewijzigd' })).toBeVisible();

  // A link from the mail opens as a fresh page load (same path, other fragment would not).
  await page.goto('about:blank');
  await page.goto(first);
  await expect(page.getByRole('heading', { name: 'Deze link is al gebruikt' })).toBeVisible();
  await expectNoAxeViolations(page, 'used link');
  await page.getByRole('link', { name: 'Lukt het niet? Bekijk de hulp bij inloggen' }).click();
  await expect(page).toHaveURL(/\/help\/link-verlopen$/);
});

test('a tampered or cut-short link explains itself and offers a new one', async ({ page }) => {
  for (const token of ['0'.repeat(64), 'abc', '']) {
    await page.goto(`/users/reset-password#token=${token}`);
    await expect(page.getByRole('heading', { name: 'Deze link werkt niet' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Nieuwe link aanvragen' })).toHaveAttribute('href', '/users/forgot-password');
  }
  await expectNoAxeViolations(page, 'invalid link');
});

test('a session signed in before the reset is signed out after it', async ({ page, browser }) => {
  const account = await createAccount(page, 'sessions');
  const other = await browser.newContext();
  const elsewhere = await other.newPage();
  const login = new LoginPage(elsewhere);
  await login.goto();
  await login.signIn(account.email, account.password);
  await expect(elsewhere).toHaveURL(/\/account$/);

  await requestLink(page, account.email);
  await page.goto(await linkFromMail(page, account.email, '/users/reset-password'));
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(page.getByRole('heading', { name: 'Je wachtwoord is gewijzigd' })).toBeVisible();

  await elsewhere.reload();
  await expect(elsewhere).toHaveURL(/\/users\/login\?return_to=/);
  await other.close();
});

test('too many requests for one address show the wait, in English too', async ({ page }) => {
  const email = uniqueEmail('hammer');
  for (let i = 0; i < 5; i++) {
    const r = await page.request.post('/api/password-resets', { headers: { 'x-topocloud-csrf': '1' }, data: { email } });
    expect(r.status()).toBe(202);
  }
  await page.goto('/users/forgot-password');
  await switchToEnglish(page);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Request' }).click();
  await expect(page.getByRole('alert')).toHaveText(/Too many attempts\. You can try again in \d+ minutes\./);
  await expect(page.getByRole('button', { name: 'Request' })).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByLabel('Email address')).toHaveValue(email);
  await expectNoAxeViolations(page, 'reset rate limited (en)');
});

test('the reset pages speak English', async ({ page }) => {
  await page.goto('/users/forgot-password');
  await switchToEnglish(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Forgot your password');
  await page.getByLabel('Email address').fill(DEMO_EMAIL);
  await page.getByRole('button', { name: 'Request' }).click();
  await expect(page.getByRole('status')).toContainText('an email is on its way');
  await page.goto('/users/reset-password#token=nope');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link does not work');
  await expectNoAxeViolations(page, 'invalid link (en)');
});
