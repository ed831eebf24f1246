import type { Page } from '@playwright/test';
import { test, expect, createAccount, linkFromMail, uniqueEmail } from './support/fixtures';

// A link from an email opened in the tab where its page is already open. The page has
// taken its token out of the address, so the new address differs only in its fragment:
// the browser does not load the page again. The page must still read the new link.

/** Opens `link` in the same document, and proves it stayed the same document. */
async function openInSameTab(page: Page, link: string) {
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  await page.evaluate((url) => (location.href = url), link);
  await expect.poll(() => page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
}

test('a reset link opened over a dead one is read, not ignored', async ({ page }) => {
  const account = await createAccount(page, 'second-link');
  await page.request.post('/api/password-resets', { headers: { 'x-topocloud-csrf': '1' }, data: { email: account.email, locale: 'nl' } });
  const link = await linkFromMail(page, account.email, '/users/reset-password');

  await page.goto('/users/reset-password#token=abc');
  await expect(page.getByRole('heading', { name: 'Deze link werkt niet' })).toBeVisible();
  await openInSameTab(page, link);
  await expect(page.getByRole('heading', { name: 'Nieuw wachtwoord kiezen' })).toBeVisible();
  await expect(page.getByLabel('Account', { exact: true })).toHaveValue(account.email);
  // Read once, and out of the address again.
  await expect(page).toHaveURL(/\/users\/reset-password$/);

  // And the other way round: a broken link over a good one says so.
  await openInSameTab(page, '/users/reset-password#token=abc');
  await expect(page.getByRole('heading', { name: 'Deze link werkt niet' })).toBeVisible();
});

test('a verification link opened over a cut-short one is read', async ({ page }) => {
  const email = uniqueEmail('second-verify');
  const registered = await page.request.post('/api/registrations', {
    headers: { 'x-topocloud-csrf': '1' },
    data: { name: 'E2E Landmeter', email, password: 'Meetlat-tweede-link-2026', organisation: 'E2E BV', accept_terms: true, locale: 'nl' },
  });
  expect(registered.status()).toBe(202);
  const link = await linkFromMail(page, email, '/users/verify-email');

  await page.goto('/users/verify-email#token=');
  await expect(page.getByRole('heading', { name: 'Deze link werkt niet' })).toBeVisible();
  await openInSameTab(page, link);
  await page.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click();
  await expect(page.getByRole('heading', { name: 'Je e-mailadres is bevestigd' })).toBeFocused();
});

test('an invitation link opened over a broken one is read', async ({ page }) => {
  const email = uniqueEmail('second-invite');
  const invited = await page.request.post('/dev/api/invitations', {
    data: { email, organisation: 'Landmeetbureau Noord', account_type: 'main', name: '', inviter: 'Anna Jansen', locale: 'nl' },
  });
  expect(invited.status()).toBe(201);
  const link = await linkFromMail(page, email, '/users/invitation');

  await page.goto('/users/invitation#token=abc');
  await expect(page.getByRole('heading', { level: 1, name: 'Deze uitnodigingslink werkt niet' })).toBeVisible();
  await openInSameTab(page, link);
  await expect(page.getByRole('heading', { level: 1, name: 'Je bent uitgenodigd voor TopoCloud' })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
});
