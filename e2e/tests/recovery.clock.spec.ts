import { test, expect, createAccount, linkFromMail, mailTo, advanceClock, expectNoAxeViolations } from './support/fixtures';

test('an expired reset link explains itself and sends a new one in one click', async ({ page }) => {
  const account = await createAccount(page, 'expired');
  await page.request.post('/api/password-resets', { headers: { 'x-topocloud-csrf': '1' }, data: { email: account.email } });
  const link = await linkFromMail(page, account.email, '/users/reset-password');
  await advanceClock(page, 3601);

  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Deze link is verlopen' })).toBeVisible();
  await expectNoAxeViolations(page, 'expired link');
  await page.getByRole('button', { name: 'Stuur me een nieuwe link' }).click();
  await expect(page.getByRole('status')).toContainText(`Er is een nieuwe link onderweg naar ${account.email}`);
  await expect.poll(async () => (await mailTo(page, account.email)).filter((m) => m.kind === 'password_reset').length).toBe(2);

  const fresh = await linkFromMail(page, account.email, '/users/reset-password');
  expect(fresh).not.toBe(link);
  await page.goto('about:blank');
  await page.goto(fresh);
  await expect(page.getByRole('heading', { name: 'Nieuw wachtwoord kiezen' })).toBeVisible();
});
